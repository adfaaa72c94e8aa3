"""check_html.py FILE...: fails unless each file parses as HTML with every
element closed in the order it was opened (void elements excepted), exactly
one <html>, <head>, <body> and <style>, and no <script>."""
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.counts, self.errors = [], {}, []

    def handle_starttag(self, tag, attrs):
        self.counts[tag] = self.counts.get(tag, 0) + 1
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append("%d:%d: </%s> closes <%s>" % (
                *self.getpos(), tag, self.stack[-1][0] if self.stack else "nothing"))
            return
        self.stack.pop()


status = 0
for path in sys.argv[1:]:
    c = Checker()
    with open(path, encoding="utf-8") as f:
        c.feed(f.read())
    c.close()
    for tag, (line, col) in c.stack:
        c.errors.append("%d:%d: <%s> never closed" % (line, col, tag))
    for tag in ("html", "head", "body", "style", "title", "main"):
        if c.counts.get(tag, 0) != 1:
            c.errors.append("expected one <%s>, found %d" % (tag, c.counts.get(tag, 0)))
    if c.counts.get("script"):
        c.errors.append("has a <script>")
    for e in c.errors:
        print("%s:%s" % (path, e))
    status |= bool(c.errors)
sys.exit(status)
