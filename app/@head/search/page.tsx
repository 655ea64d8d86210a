/** Search results carry no structured data. */
export default function SearchHead() {
  return null
}
