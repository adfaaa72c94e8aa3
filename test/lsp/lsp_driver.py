#!/usr/bin/env python3
"""lsp_driver.py [--root DIR] [--define NAME=VALUE]... [--compiler-style] SCRIPT -- SERVER [ARGS...]

Drives a language server over JSON-RPC (Content-Length framing) as an
editor would, following the lines of SCRIPT that start with "LSP:" (after
an optional "#" or "//"), and prints what the server sends, one message at
a time, for FileCheck. Commands:

  send JSON             a framed message (checked to be JSON); in JSON, @ROOT@ is DIR, @URI:REL@
                        the file URI of DIR/REL, "@TEXT:REL@" the contents of
                        DIR/REL as a JSON string, @NAME@ a --define
  send-broken TEXT      a framed message that is not JSON
  raw PYTHON_STRING     bytes as they are (broken framing)
  wait-response ID      read until the response to ID
  wait-notification M   read until a notification M
  close                 close the server's standard input
  expect-exit N         wait for the server to end; fail unless it exits N

publishDiagnostics is printed one diagnostic a line (range, severity, code,
message with its line breaks as \\n, then its href and related information
indented); every other
message as compact JSON with sorted keys. DIR is printed as @ROOT@.
With --compiler-style, only the diagnostics are printed, as clang-tidy
prints warnings (FILE:LINE:COL: warning: MESSAGE [CODE], FILE relative to
DIR), to compare the two.
"""
import ast
import json
import os
import re
import select
import subprocess
import sys
import time
import urllib.parse

TIMEOUT = 120.0


def fail(message):
    sys.stdout.flush()
    sys.stderr.write("lsp_driver: %s\n" % message)
    sys.exit(1)


class Connection:
    def __init__(self, command):
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE)
        self.buffer = b""

    def send(self, data):
        try:
            self.proc.stdin.write(data)
            self.proc.stdin.flush()
        except BrokenPipeError:
            fail("the server closed its input")

    def read_message(self):
        deadline = time.time() + TIMEOUT
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end >= 0:
                headers = self.buffer[:end].decode("ascii", "replace")
                m = re.search(r"Content-Length:\s*(\d+)", headers, re.I)
                if not m:
                    fail("a message without Content-Length: %r" % headers)
                length = int(m.group(1))
                if len(self.buffer) >= end + 4 + length:
                    body = self.buffer[end + 4:end + 4 + length]
                    self.buffer = self.buffer[end + 4 + length:]
                    return json.loads(body.decode("utf-8"))
            left = deadline - time.time()
            if left <= 0:
                fail("no message from the server within %ds" % TIMEOUT)
            ready, _, _ = select.select([self.proc.stdout], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            if not chunk:
                fail("the server ended (exit %s) while a message was awaited"
                     % self.proc.wait())
            self.buffer += chunk


class Printer:
    def __init__(self, root, compiler_style=False):
        self.root = root
        self.compiler_style = compiler_style
        self.root_uri = "file://" + urllib.parse.quote(root)

    def hide_root(self, text):
        return text.replace(self.root_uri, "@ROOT_URI@").replace(self.root, "@ROOT@")

    @staticmethod
    def where(r):
        return "%d:%d-%d:%d" % (r["start"]["line"], r["start"]["character"],
                                r["end"]["line"], r["end"]["character"])

    def print(self, message):
        if self.compiler_style:
            # FILE:LINE:COL: warning: MESSAGE [CODE], as clang-tidy prints.
            if message.get("method") == "textDocument/publishDiagnostics":
                path = urllib.parse.unquote(message["params"]["uri"][len("file://"):])
                for d in message["params"]["diagnostics"]:
                    start = d["range"]["start"]
                    print("%s:%d:%d: %s: %s [%s]" % (
                        os.path.relpath(path, self.root), start["line"] + 1,
                        start["character"] + 1,
                        {1: "error", 2: "warning"}.get(d.get("severity"), "note"),
                        d["message"], d.get("code", "-")))
            return
        if message.get("method") == "textDocument/publishDiagnostics":
            p = message["params"]
            diags = p["diagnostics"]
            print(self.hide_root("<<< diagnostics %s version=%s count=%d"
                                 % (p["uri"], p.get("version"), len(diags))))
            for d in diags:
                print(self.hide_root("  [%s] %s %s %s: %s" % (
                    self.where(d["range"]),
                    {1: "error", 2: "warning", 3: "info", 4: "hint"}[d.get("severity", 1)],
                    d.get("source", "-"), d.get("code", "-"),
                    d["message"].replace("\n", "\\n"))))
                if "codeDescription" in d:
                    print(self.hide_root("    href %s" % d["codeDescription"]["href"]))
                for r in d.get("relatedInformation", []):
                    loc = r["location"]
                    print(self.hide_root("    related %s:%s: %s" % (
                        loc["uri"], self.where(loc["range"]), r["message"])))
        else:
            print(self.hide_root("<<< " + json.dumps(message, sort_keys=True,
                                                     ensure_ascii=False)))
        sys.stdout.flush()


def substitute(text, root, defines):
    def file_text(m):
        with open(os.path.join(root, m.group(1)), encoding="utf-8") as f:
            return json.dumps(f.read())
    text = re.sub(r'"@TEXT:([^@"]+)@"', file_text, text)
    text = re.sub(r"@URI:([^@]+)@", lambda m: "file://" + urllib.parse.quote(
        os.path.join(root, m.group(1))), text)
    text = text.replace("@ROOT@", root)
    for name, value in defines.items():
        text = text.replace("@%s@" % name, value)
    return text


def main():
    args = sys.argv[1:]
    if "--" not in args:
        fail(__doc__)
    split = args.index("--")
    options, server = args[:split], args[split + 1:]
    root, defines, script, compiler_style = os.getcwd(), {}, None, False
    i = 0
    while i < len(options):
        if options[i] == "--root":
            root = os.path.abspath(options[i + 1])
            i += 2
        elif options[i] == "--compiler-style":
            compiler_style = True
            i += 1
        elif options[i] == "--define":
            name, _, value = options[i + 1].partition("=")
            defines[name] = value
            i += 2
        else:
            script = options[i]
            i += 1
    if not script or not server:
        fail(__doc__)

    steps = []
    with open(script, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^\s*(?:#|//)?\s*LSP:\s*(\S+)\s*(.*?)\s*$", line)
            if m:
                steps.append((m.group(1), m.group(2)))

    conn = Connection(server)
    printer = Printer(root, compiler_style)
    for command, argument in steps:
        if command == "send":
            body = substitute(argument, root, defines)
            try:
                json.loads(body)
            except ValueError as e:
                fail("not JSON after substitution (%s): %s" % (e, body))
            data = body.encode("utf-8")
            conn.send(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        elif command == "send-broken":
            data = substitute(argument, root, defines).encode("utf-8")
            conn.send(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        elif command == "raw":
            conn.send(ast.literal_eval(argument).encode("utf-8"))
        elif command == "wait-response":
            wanted = json.loads(argument)
            while True:
                m = conn.read_message()
                printer.print(m)
                if "method" not in m and m.get("id") == wanted:
                    break
        elif command == "wait-notification":
            while True:
                m = conn.read_message()
                printer.print(m)
                if m.get("method") == argument and "id" not in m:
                    break
        elif command == "close":
            conn.proc.stdin.close()
        elif command == "expect-exit":
            try:
                code = conn.proc.wait(timeout=TIMEOUT)
            except subprocess.TimeoutExpired:
                conn.proc.kill()
                fail("the server did not exit")
            # What the server still sent before it ended.
            rest = conn.proc.stdout.read()
            conn.buffer += rest
            while b"\r\n\r\n" in conn.buffer:
                printer.print(conn.read_message())
            print("exit %d" % code,
                  file=sys.stderr if printer.compiler_style else sys.stdout)
            if code != int(argument):
                fail("the server exited %d, expected %s" % (code, argument))
            return
        else:
            fail("unknown command '%s'" % command)
    conn.proc.kill()
    fail("the script ended without expect-exit")


if __name__ == "__main__":
    main()
