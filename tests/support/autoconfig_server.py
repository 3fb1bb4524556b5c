#!/usr/bin/env python3
"""A small web server for account-discovery tests (tst_discovery): serves files from a
directory over HTTP, or over HTTPS with the test stack's certificate, on a loopback port.

  autoconfig_server.py --root DIR [--port 0] [--cert CERT_FILE --key KEY_FILE]
                       [--redirect URL]

--port 0 (the default) lets the kernel pick a free port. When listening, prints one line
"listening PORT" on stdout (and flushes), so the test reads the port. Each request is logged
on stderr as "GET /path?query". GET /a/b serves DIR/a/b (the query is ignored); anything else
is 404. --redirect URL answers every GET with 301 to URL + the request's path and query (to
prove a client refuses an https -> http redirect). Stops on SIGTERM/SIGINT."""

import argparse
import http.server
import os
import signal
import ssl
import sys
import urllib.parse


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--redirect")
    args = parser.parse_args()
    root = os.path.realpath(args.root)

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, fmt, *fargs):  # the request line only, on stderr
            pass

        def do_GET(self):
            sys.stderr.write("GET %s\n" % self.path)
            sys.stderr.flush()
            if args.redirect:
                self.send_response(301)
                self.send_header("Location", args.redirect.rstrip("/") + self.path)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = urllib.parse.urlsplit(self.path).path
            file = os.path.realpath(os.path.join(root, path.lstrip("/")))
            if not file.startswith(root + os.sep) or not os.path.isfile(file):
                self.send_error(404)
                return
            with open(file, "rb") as f:
                body = f.read()
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer((args.host, args.port), Handler)
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print("listening %d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except (KeyboardInterrupt, SystemExit):
        pass
    server.server_close()


if __name__ == "__main__":
    main()
