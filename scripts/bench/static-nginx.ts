/**
 * The nginx-static reference: a minimal nginx serving the article's HTML, as fetched from the
 * running site, from disk. What an nginx front could at best reach on this machine.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { preparePrefix, startNginx } from '../lib/front'
import type { Managed } from '../lib/processes'

export const STATIC_FILE = '/article.html'

export async function startStaticNginx(
  prefix: string,
  port: number,
  html: string,
): Promise<Managed> {
  const root = path.join(prefix, 'www')
  mkdirSync(root, { recursive: true })
  chmodSync(root, 0o755)
  writeFileSync(path.join(root, STATIC_FILE), html)
  chmodSync(path.join(root, STATIC_FILE), 0o644)
  const conf = `# nginx-static reference for npm run bench (generated).
worker_processes auto;
pid nginx.pid;
error_log logs/error.log warn;
events { worker_connections 4096; }
http {
    default_type text/html;
    access_log off;
    sendfile on;
    keepalive_requests 10000;
    # As the front does, for runs with --gzip.
    gzip on;
    gzip_comp_level 5;
    gzip_min_length 1024;
    client_body_temp_path temp/client_body;
    proxy_temp_path temp/proxy;
    fastcgi_temp_path temp/fastcgi;
    uwsgi_temp_path temp/uwsgi;
    scgi_temp_path temp/scgi;
    server {
        listen 127.0.0.1:${port};
        root ${root};
    }
}
`
  return startNginx('nginx static', prefix, preparePrefix(prefix, conf))
}
