/** Routes without structured data of their own put nothing in <head>. */
export default function NoHead() {
  return null
}
