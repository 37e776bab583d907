/**
 * Page bodies the simulated web servers return. Well-known pages (nginx's welcome page, the
 * nginx-style redirect and error pages, example.com, Google's 301 and 404) follow the real ones;
 * the kubetm.github.io pages and the internal user1 page are simulator content, written to look
 * like what a learner would find there.
 */

/** nginx's default index.html (1.2x). */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

/** nginx's built-in error/redirect page for a status line such as `404 Not Found`. */
export function nginxStatusPage(statusLine: string, server: string): string {
  return `<html>\r\n<head><title>${statusLine}</title></head>\r\n<body>\r\n<center><h1>${statusLine}</h1></center>\r\n<hr><center>${server}</center>\r\n</body>\r\n</html>\r\n`;
}

/** GitHub Pages' answer for a Host header it has no site for. */
export const GITHUB_PAGES_SITE_NOT_FOUND = `<!DOCTYPE html>
<html>
  <head>
    <meta http-equiv="Content-type" content="text/html; charset=utf-8">
    <title>Site not found &middot; GitHub Pages</title>
  </head>
  <body>
    <div class="container">
      <h1>404</h1>
      <p><strong>There isn't a GitHub Pages site here.</strong></p>
      <p>
        If you're trying to publish one,
        <a href="https://help.github.com/pages/">read the full documentation</a>
        to learn how to set up <strong>GitHub Pages</strong>
        for your repository, organization, or user account.
      </p>
      <div id="suggestions">
        <a href="https://githubstatus.com">GitHub Status</a> &mdash;
        <a href="https://twitter.com/githubstatus">@githubstatus</a>
      </div>
    </div>
  </body>
</html>
`;

/** GitHub Pages' answer for a missing file on an existing site. */
export const GITHUB_PAGES_FILE_NOT_FOUND = `<!DOCTYPE html>
<html>
  <head>
    <meta http-equiv="Content-type" content="text/html; charset=utf-8">
    <title>Page not found &middot; GitHub Pages</title>
  </head>
  <body>
    <div class="container">
      <h1>404</h1>
      <p><strong>File not found</strong></p>
      <p>
        The site configured at this address does not
        contain the requested file.
      </p>
    </div>
  </body>
</html>
`;

/** The sample file the chapter downloads from kubetm.github.io. */
export const KUBETM_SERVICE_SAMPLE_MD = `# Service - Headless, Endpoint, ExternalName

## 1. Headless

\`\`\`yaml
apiVersion: v1
kind: Service
metadata:
  name: headless1
spec:
  selector:
    svc: headless
  ports:
    - port: 80
      targetPort: 8080
  clusterIP: None
\`\`\`

\`\`\`yaml
apiVersion: v1
kind: Pod
metadata:
  name: pod4
  labels:
    svc: headless
spec:
  hostname: pod-a
  subdomain: headless1
  containers:
  - name: container
    image: kubetm/app
\`\`\`

## 2. Endpoint

\`\`\`yaml
apiVersion: v1
kind: Service
metadata:
  name: endpoint2
spec:
  ports:
  - port: 8080
\`\`\`

\`\`\`yaml
apiVersion: v1
kind: Endpoints
metadata:
  name: endpoint2
subsets:
 - addresses:
   - ip: 20.109.5.12
   ports:
   - port: 8080
\`\`\`

## 3. ExternalName

\`\`\`yaml
apiVersion: v1
kind: Service
metadata:
 name: externalname1
spec:
 type: ExternalName
 externalName: github.github.io
\`\`\`
`;

/** A kubetm.github.io documentation page (simulator content; the title comes from the path). */
export function kubetmDocPage(path: string): string {
  const parts = path.split('/').filter((p) => p && p !== 'k8s' && p !== 'index.html');
  const title = parts.length > 0 ? parts[parts.length - 1].replace(/\.html$/, '').replace(/[-_]/g, ' ') : 'Kubernetes';
  return `<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<title>${title} | kubetm</title>
</head>
<body>
<h1>${title}</h1>
<p>대세는 쿠버네티스 — ${parts.join(' / ') || 'Kubernetes'}</p>
</body>
</html>
`;
}

/** kubetm.github.io's home page (simulator content). */
export const KUBETM_HOME = `<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<title>kubetm</title>
</head>
<body>
<h1>kubetm</h1>
<ul>
<li><a href="/k8s/">Kubernetes</a></li>
</ul>
</body>
</html>
`;

/** github.github.io's home page (simulator content). */
export const GITHUB_GITHUB_IO_HOME = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>GitHub</title>
</head>
<body>
<h1>GitHub</h1>
<p>Open source projects and resources from GitHub.</p>
</body>
</html>
`;

/** Google's 301 from google.com to www.google.com. */
export function google301(location: string): string {
  return `<HTML><HEAD><meta http-equiv="content-type" content="text/html;charset=utf-8">\n<TITLE>301 Moved</TITLE></HEAD><BODY>\n<H1>301 Moved</H1>\nThe document has moved\n<A HREF="${location}">here</A>.\r\n</BODY></HTML>\r\n`;
}

/** Google's 404 page (also what Google's front ends answer for a Host they do not serve). */
export function google404(path: string): string {
  return `<!DOCTYPE html>
<html lang=en>
  <meta charset=utf-8>
  <title>Error 404 (Not Found)!!1</title>
  <a href=//www.google.com/><span id=logo aria-label=Google></span></a>
  <p><b>404.</b> <ins>That’s an error.</ins>
  <p>The requested URL <code>${path}</code> was not found on this server.  <ins>That’s all we know.</ins>
`;
}

/** www.google.com's home page, abridged. */
export const GOOGLE_HOME = `<!doctype html><html itemscope="" itemtype="http://schema.org/WebPage" lang="ko"><head><meta content="text/html; charset=UTF-8" http-equiv="Content-Type"><title>Google</title></head><body><center><img alt="Google" src="/images/branding/googlelogo/1x/googlelogo_white_background_color_272x92dp.png"><form action="/search" name="f"><input name="q" title="Google 검색"></form></center></body></html>`;

/** example.com's page (the long-standing IANA text). */
export const EXAMPLE_COM = `<!doctype html>
<html>
<head>
    <title>Example Domain</title>

    <meta charset="utf-8" />
    <meta http-equiv="Content-type" content="text/html; charset=utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
</head>

<body>
<div>
    <h1>Example Domain</h1>
    <p>This domain is for use in illustrative examples in documents. You may use this
    domain in literature without prior coordination or asking for permission.</p>
    <p><a href="https://www.iana.org/domains/example">More information...</a></p>
</div>
</body>
</html>
`;

/** The internal PC user1's small web page (simulator content). */
export const USER1_PAGE = `<!DOCTYPE html>
<html>
<head><title>user1</title></head>
<body>
<h1>user1.lab.internal</h1>
<p>Internal web server of user1 (192.168.0.21).</p>
</body>
</html>
`;
