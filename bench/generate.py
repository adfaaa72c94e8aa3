#!/usr/bin/env python3
"""Generate a large synthetic, annotated C++ code base for benchmarking privacy-tidy.

Layout of OUT_DIR:
  privacy-policy.json        the policy the code is checked against (found by
                             the checks walking up from each file)
  compile_commands.json      clang++-19 -std=c++17 -I<annotations> -I<OUT>/include
  include/bench/common.h     personal data structs, sinks, consent checks,
                             anonymisers (PRIVACY_* annotations)
  src/fNNN.cpp               N files, M functions each

Each file is a set of call chains (depth 3-5): an entry point with a
PRIVACY_PURPOSE reads a personal data item, helpers without a purpose of their
own carry it through string building, ostringstream, vectors, maps, lambdas,
loops and branches, and the last one hands it to a transfer, store or log sink.
Most chains are allowed by the policy; a seeded fraction is not (wrong purpose,
item not declared for a recipient abroad or at home, for a store, for the logs,
a marketing use without the consent check), so the checks report findings.

Deterministic: the same arguments give the same bytes.
"""

import argparse
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_ANNOTATIONS = os.path.normpath(os.path.join(HERE, "..", "annotations"))

# --------------------------------------------------------------------------
# The policy: ids shared by the generated code and privacy-policy.json.

# field of Customer -> item id
FIELDS = {
    "userId": "user_id",
    "name": "name",
    "email": "email",
    "phone": "phone",
    "address": "address",
    "birthDate": "birth_date",
    "ipAddress": "ip_address",
    "cardNumber": "card_number",
}
ITEM_FIELD = {item: field for field, item in FIELDS.items()}

PURPOSES = {
    "account": ("회원 관리", "Account management"),
    "support": ("고객 지원", "Customer support"),
    "delivery": ("배송", "Delivery"),
    "billing": ("요금 결제", "Billing"),
    "security": ("보안 모니터링", "Security monitoring"),
    "marketing": ("마케팅", "Marketing"),
    "analytics": ("서비스 이용 통계", "Usage analytics"),
}

ACTIVITIES = [
    {"id": "account", "basis": "contract",
     "items": ["user_id", "name", "email", "phone", "address", "birth_date"],
     "purposes": ["account", "support", "delivery"]},
    {"id": "billing", "basis": "contract",
     "items": ["user_id", "name", "card_number", "address"],
     "purposes": ["billing"]},
    {"id": "security", "basis": "legitimate_interests",
     "items": ["user_id", "ip_address"], "purposes": ["security", "account"]},
    {"id": "marketing", "basis": "consent", "consent": "marketing",
     "items": ["user_id", "name", "email"], "purposes": ["marketing"]},
    {"id": "analytics", "basis": "legitimate_interests",
     "items": ["user_id"], "purposes": ["analytics"]},
]

# recipient -> (country, items)
RECIPIENTS = {
    "mailer": ("KR", ["name", "email"]),
    "courier": ("KR", ["name", "phone", "address"]),
    "analytics_us": ("US", ["user_id"]),
    "payment_gw": ("US", ["card_number", "name"]),
}
# store -> items
STORES = {
    "customer_db": ["user_id", "name", "email", "phone", "address", "birth_date"],
    "order_db": ["user_id", "card_number", "address"],
    "logs": ["user_id", "ip_address"],
}

# Sinks declared in common.h: name -> (kind, target, C++ call template with {v}).
SINKS = {
    "sendMail": ("transfer", "mailer", 'sendMail({v}, "Welcome back")'),
    "shipParcel": ("transfer", "courier", "shipParcel({v}, 1)"),
    "sendAnalytics": ("transfer", "analytics_us", "sendAnalytics({v})"),
    "chargeCard": ("transfer", "payment_gw", "chargeCard({v}, 100)"),
    "storeProfile": ("store", "customer_db", 'storeProfile("field", {v})'),
    "storeOrder": ("store", "order_db", "storeOrder({v}, 1)"),
    "logLine": ("store", "logs", "logLine({v})"),
}


def allowed_purposes(item):
    out = set()
    for a in ACTIVITIES:
        if item in a["items"] or "*" in a["items"]:
            out.update(a["purposes"])
    return sorted(out)


def sink_allows(sink, item):
    kind, target, _ = SINKS[sink]
    if kind == "transfer":
        return item in RECIPIENTS[target][1]
    return item in STORES[target]


def make_policy():
    return {
        "title": {"ko": "벤치마크 개인정보처리방침", "en": "Benchmark privacy policy"},
        "version": "bench-1",
        "controller": {"name": {"ko": "벤치", "en": "Bench Corp"}, "country": "KR"},
        "purposes": {p: {"label": {"ko": ko, "en": en}} for p, (ko, en) in PURPOSES.items()},
        "consents": {"marketing": {"label": {"ko": "마케팅 동의", "en": "Marketing consent"},
                                   "given_by": "data_subject"}},
        "items": {item: {"label": {"ko": item, "en": item.replace("_", " ")}}
                  for item in FIELDS.values()},
        "activities": ACTIVITIES,
        "recipients": {
            r: {"label": r, "role": "processor", "country": c, "items": items}
            for r, (c, items) in RECIPIENTS.items()
        },
        "stores": {
            s: {"items": items, "retention": {"period": "P1Y"}}
            for s, items in STORES.items()
        },
    }


COMMON_H = r"""// Generated by bench/generate.py: shared declarations of the benchmark code base.
#pragma once

#include "privacy.h"

#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace bench {

struct Customer {
  PRIVACY_DATA("user_id") std::string userId;
  PRIVACY_DATA("name") std::string name;
  PRIVACY_DATA("email") std::string email;
  PRIVACY_DATA("phone") std::string phone;
  PRIVACY_DATA("address") std::string address;
  PRIVACY_DATA("birth_date") std::string birthDate;
  PRIVACY_DATA("ip_address") std::string ipAddress;
  PRIVACY_DATA("card_number") std::string cardNumber;
  int tier = 0;        // not personal data
  long visits = 0;     // not personal data
  std::vector<std::string> tags;
};

struct Event {
  PRIVACY_DATA("user_id") std::string actor;
  std::string kind;
  long at = 0;
  std::map<std::string, std::string> attributes;
};

// --- recipients ---------------------------------------------------------
PRIVACY_TRANSFER("mailer", "KR")
void sendMail(const std::string &to, const std::string &body);
PRIVACY_TRANSFER("courier", "KR")
void shipParcel(const std::string &label, int parcels);
PRIVACY_TRANSFER("analytics_us", "US")
void sendAnalytics(const std::string &payload);
PRIVACY_TRANSFER("payment_gw", "US")
bool chargeCard(const std::string &card, long amount);

// --- stores -------------------------------------------------------------
PRIVACY_STORE("customer_db")
void storeProfile(const std::string &key, const std::string &value);
PRIVACY_ERASE("customer_db") void eraseProfile(const std::string &userId);
PRIVACY_STORE("order_db")
void storeOrder(const std::string &line, long amount);
PRIVACY_ERASE("order_db") void purgeOrders(long before);

// --- logs ---------------------------------------------------------------
PRIVACY_LOG void logLine(const std::string &line);

// --- consent and anonymisation -------------------------------------------
PRIVACY_CONSENT_CHECK("marketing") bool hasMarketingConsent(const std::string &userId);
PRIVACY_ANONYMIZE std::string pseudonym(const std::string &value);

// Plain helpers without a body here (conservative: result carries the taint).
std::string normalize(const std::string &s);
int checksum(const std::string &s);

} // namespace bench
"""


# --------------------------------------------------------------------------
# Code generation of one file.

class FileGen:
    def __init__(self, index, functions, rng, violation_rate, files=0):
        self.index = index
        # With --cross-file (files > 0): the number of files, whose relays
        # and formatters this one calls.
        self.files = files
        self.extern = []          # declarations of other files' functions
        self.m = functions
        self.rng = rng
        self.vrate = violation_rate
        self.ns = "f%03d" % index
        self.lines = []
        self.count = 0            # functions emitted
        self.utils = []           # names of clean helper functions (string -> string)
        self.expected = 0         # chains generated with a seeded violation

    def emit(self, text=""):
        self.lines.append(text)

    # ---- snippets: transform tainted string `src` into new var `dst` -------
    def snippet(self, src, dst, n):
        r = self.rng
        k = r.randrange(11)
        if k == 0:   # string building with +
            return ['std::string %s = "<" + %s + ":" + std::to_string(%s) + ">";' % (dst, src, n)]
        if k == 1:   # append
            return ['std::string %s;' % dst,
                    '%s.reserve(%s.size() + 8);' % (dst, src),
                    '%s.append("id:");' % dst,
                    '%s.append(%s);' % (dst, src)]
        if k == 2:   # ostringstream
            return ['std::ostringstream os_%s;' % dst,
                    'os_%s << "v=" << %s << ";n=" << %s;' % (dst, src, n),
                    'std::string %s = os_%s.str();' % (dst, dst)]
        if k == 3:   # vector push_back + loop read
            return ['std::vector<std::string> parts_%s;' % dst,
                    'parts_%s.push_back(%s);' % (dst, src),
                    'parts_%s.emplace_back("tail");' % dst,
                    'std::string %s;' % dst,
                    'for (const auto &p : parts_%s) {' % dst,
                    '  if (!%s.empty()) %s += ",";' % (dst, dst),
                    '  %s += p;' % dst,
                    '}']
        if k == 4:   # lambda capturing by reference
            return ['auto wrap_%s = [&](const std::string &x) { return "[" + x + "/" + std::to_string(%s) + "]"; };' % (dst, n),
                    'std::string %s = wrap_%s(%s);' % (dst, dst, src)]
        if k == 5:   # lambda capturing by value
            return ['auto make_%s = [%s]() { return %s + "#"; };' % (dst, src, src),
                    'std::string %s = make_%s();' % (dst, dst)]
        if k == 6:   # branches
            return ['std::string %s;' % dst,
                    'if (%s %% 3 == 0) {' % n,
                    '  %s = %s + "!";' % (dst, src),
                    '} else if (%s %% 3 == 1) {' % n,
                    '  %s = "(" + %s + ")";' % (dst, src),
                    '} else {',
                    '  %s = %s;' % (dst, src),
                    '}']
        if k == 7:   # map
            return ['std::map<std::string, int> counts_%s;' % dst,
                    'counts_%s[%s] += %s;' % (dst, src, n),
                    'counts_%s["total"] += 1;' % dst,
                    'std::string %s;' % dst,
                    'for (const auto &kv : counts_%s) {' % dst,
                    '  if (kv.second > 0) %s += kv.first;' % dst,
                    '}']
        if k == 8:   # loop with clean data, then concatenation
            return ['std::string pad_%s;' % dst,
                    'for (int i = 0; i < %s %% 5; ++i) {' % n,
                    '  pad_%s += static_cast<char>(\'a\' + i);' % dst,
                    '}',
                    'std::string %s = pad_%s + %s;' % (dst, dst, src)]
        if k == 9 and self.utils:   # call a helper with a body in this TU
            u = r.choice(self.utils)
            return ['std::string %s = %s(%s, %s);' % (dst, u, src, n)]
        # overwrite then rebuild (flow-sensitive: the first value is clean)
        return ['std::string %s = "init";' % dst,
                'if (%s > 100) %s = "big";' % (n, dst),
                '%s = %s + %s;' % (dst, dst, src)]

    def clean_noise(self, n):
        """Work on data that is not personal (the analysis still walks it)."""
        r = self.rng
        k = r.randrange(4)
        if k == 0:
            return ['std::vector<int> nums;',
                    'for (int i = 0; i < %s; ++i) nums.push_back(i * 2);' % n,
                    'int sum = 0;',
                    'for (int x : nums) sum += x;',
                    '%s += sum %% 7;' % n]
        if k == 1:
            return ['std::map<int, std::string> names;',
                    'names[%s] = "slot" + std::to_string(%s);' % (n, n),
                    'if (names.size() > 2) %s = 0;' % n]
        if k == 2:
            return ['auto sq = [](int x) { return x * x; };',
                    '%s = sq(%s) %% 97;' % (n, n)]
        return ['std::ostringstream note;',
                'note << "step " << %s;' % n,
                'if (note.str().size() > 40) %s = 1;' % n]

    def util_function(self):
        name = "%s_util%d" % (self.ns, len(self.utils))
        self.emit("std::string %s(const std::string &s, int n) {" % name)
        self.emit("  std::string out = s;")
        self.emit("  for (int i = 0; i < n % 3; ++i) {")
        self.emit("    out += '-';")
        self.emit("  }")
        self.emit("  return out;")
        self.emit("}")
        self.emit()
        self.utils.append(name)
        self.count += 1

    def other_file(self):
        """Another file of the program, for a call across files."""
        other = self.rng.randrange(self.files - 1)
        return "f%03d" % (other if other < self.index else other + 1)

    def declare(self, decl):
        if decl not in self.extern:
            self.extern.append(decl)

    def relays(self):
        """--cross-file: functions other files call. relay0 formats the value
        with a formatter of a third file and passes it to relay1 of a fourth,
        which stores it: flows, returns and purposes across files."""
        fmt = "%s_fmt" % self.other_file()
        relay1 = "%s_relay1" % self.other_file()
        self.declare("std::string %s(const std::string &value);" % fmt)
        self.declare("void %s(const std::string &value, int n);" % relay1)
        self.emit("std::string %s_fmt(const std::string &value) {" % self.ns)
        self.emit('  return "<" + value + ">";')
        self.emit("}")
        self.emit()
        self.emit("void %s_relay0(const std::string &value, int n) {" % self.ns)
        self.emit("  std::string t = %s(value);" % fmt)
        self.emit("  %s(t, n + 1);" % relay1)
        self.emit("}")
        self.emit()
        self.emit("void %s_relay1(const std::string &value, int n) {" % self.ns)
        self.emit("  storeOrder(value, n);")
        self.emit("}")
        self.emit()
        self.count += 3

    def body(self, lines, indent="  "):
        for l in lines:
            self.emit(indent + l)

    def chain(self, cid, depth):
        r = self.rng
        # Pick the item, the sink and the purpose; maybe break one rule.
        item = r.choice(list(FIELDS.values()))
        ok_sinks = [s for s in SINKS if sink_allows(s, item)]
        bad_sinks = [s for s in SINKS if not sink_allows(s, item)]
        purposes = allowed_purposes(item)
        violation = r.random() < self.vrate
        kind = r.choice(["sink", "purpose", "consent"]) if violation else None
        bad_purposes = [p for p in PURPOSES if p not in purposes]
        if kind == "purpose" and not bad_purposes:
            kind = "sink"   # the item is allowed everywhere: break a sink rule
        if kind == "consent" and "marketing" not in purposes:
            kind = "sink"   # no consent-based use of this item
        if kind == "sink" and not bad_sinks:
            kind = "purpose" if bad_purposes else None
        sink = r.choice(bad_sinks if kind == "sink" or not ok_sinks else ok_sinks)
        if kind == "purpose":
            purpose = r.choice(bad_purposes)
        elif kind == "consent":
            purpose = "marketing"
        else:
            purpose = r.choice(purposes)
        guarded = purpose == "marketing" and kind != "consent"
        anonymise = kind is None and ok_sinks and r.random() < 0.1
        if kind is not None or not ok_sinks:
            self.expected += 1

        names = ["%s_c%d_s%d" % (self.ns, cid, k) for k in range(depth)]
        field = ITEM_FIELD[item]
        # Emit from the leaf up so every callee is declared before its caller.
        for k in reversed(range(depth)):
            name = names[k]
            self.count += 1
            if k == depth - 1:  # the leaf: hands the value to the sink
                self.emit("void %s(const std::string &value, int n) {" % name)
                cur = "value"
                self.body(self.snippet(cur, "out", "n"))
                cur = "out"
                if anonymise:
                    self.emit("  std::string safe = pseudonym(%s);" % cur)
                    cur = "safe"
                self.emit("  if (n >= 0) {")
                self.emit("    " + SINKS[sink][2].format(v=cur) + ";")
                self.emit("  }")
                self.emit("}")
            elif k == 0:  # the entry point, with its purpose
                if kind is not None or not ok_sinks:
                    self.emit("// bench: seeded violation (%s): item %s, purpose %s, sink %s"
                              % (kind or "sink", item, purpose, sink))
                self.emit('PRIVACY_PURPOSE("%s")' % purpose)
                self.emit("int %s(const Customer &c, int mode) {" % name)
                self.emit("  int n = mode + c.tier;")
                self.body(self.clean_noise("n"))
                if guarded:
                    self.emit("  if (!hasMarketingConsent(c.userId)) {")
                    self.emit("    return -1;")
                    self.emit("  }")
                if self.files and r.random() < 0.3:
                    relay0 = "%s_relay0" % self.other_file()
                    self.declare("void %s(const std::string &value, int n);" % relay0)
                    self.emit("  %s(c.%s, n);" % (relay0, field))
                if r.random() < 0.5:
                    self.emit("  std::string v = c.%s;" % field)
                    self.emit("  %s(v, n);" % names[1])
                else:
                    self.emit("  Customer copy = c;")
                    self.emit("  copy.tags.push_back(\"seen\");")
                    self.emit("  %s(copy.%s, n + static_cast<int>(copy.tags.size()));" % (names[1], field))
                self.emit("  return n;")
                self.emit("}")
            else:  # a helper without a purpose of its own
                self.emit("void %s(const std::string &value, int n) {" % name)
                cur = "value"
                if r.random() < 0.5:
                    self.body(self.clean_noise("n"))
                for j in range(r.randint(1, 3)):
                    dst = "t%d" % j
                    self.body(self.snippet(cur, dst, "n"))
                    cur = dst
                self.emit("  %s(%s, n + 1);" % (names[k + 1], cur))
                self.emit("}")
            self.emit()

    def local_struct_function(self):
        """A struct with PRIVACY_DATA fields local to the file, used under a purpose."""
        r = self.rng
        name = "%s_ticket%d" % (self.ns, self.count)
        self.count += 1
        self.emit('PRIVACY_PURPOSE("support")')
        self.emit("int %s(const Customer &c, const std::vector<Event> &events) {" % name)
        self.emit("  Ticket_%s t;" % self.ns)
        self.emit("  t.replyTo = c.email;")
        self.emit("  t.subject = \"help\";")
        self.emit("  int urgent = 0;")
        self.emit("  for (const Event &e : events) {")
        self.emit("    if (e.kind == \"error\") {")
        self.emit("      ++urgent;")
        self.emit("      t.subject += \" \" + e.kind;")
        self.emit("    }")
        self.emit("  }")
        if r.random() < 0.5:
            self.emit("  sendMail(t.replyTo, t.subject);")
        else:
            self.emit("  logLine(t.subject + \" urgent=\" + std::to_string(urgent));")
        self.emit("  return urgent;")
        self.emit("}")
        self.emit()

    def generate(self):
        self.emit("// Generated by bench/generate.py -- file %d." % self.index)
        self.emit('#include "bench/common.h"')
        self.emit()
        self.emit("#include <map>")
        self.emit("#include <sstream>")
        self.emit("#include <string>")
        self.emit("#include <vector>")
        self.emit()
        self.emit("namespace bench {")
        self.emit()
        self.emit("struct Ticket_%s {" % self.ns)
        self.emit('  PRIVACY_DATA("email") std::string replyTo;')
        self.emit("  std::string subject;")
        self.emit("  int priority = 0;")
        self.emit("};")
        self.emit()
        for _ in range(3):
            if self.count < self.m:
                self.util_function()
        if self.files:
            self.relays()
        cid = 0
        while self.count < self.m:
            left = self.m - self.count
            if left < 3 or self.rng.random() < 0.05:
                self.local_struct_function()
                continue
            depth = min(self.rng.randint(3, 5), left)
            self.chain(cid, depth)
            cid += 1
        self.emit("} // namespace bench")
        if self.extern:
            # Other files' functions, declared before the code that calls
            # them.
            at = self.lines.index("namespace bench {") + 2
            self.lines[at:at] = self.extern + [""]
        return "\n".join(self.lines) + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", help="directory to write (created if missing)")
    ap.add_argument("-n", "--files", type=int, default=60)
    ap.add_argument("-m", "--functions", type=int, default=300,
                    help="functions per file")
    ap.add_argument("--seed", type=int, default=2019)
    ap.add_argument("--violation-rate", type=float, default=0.15,
                    help="fraction of call chains that break the policy")
    ap.add_argument("--annotations", default=DEFAULT_ANNOTATIONS,
                    help="directory holding privacy.h")
    ap.add_argument("--cross-file", action="store_true",
                    help="entry points also call into other files (relays "
                    "that format and store the value there), for the join; "
                    "the seeded-violation count does not cover these calls")
    ap.add_argument("--compiler", default="clang++-19",
                    help="compiler named in compile_commands.json")
    args = ap.parse_args(argv)

    out = os.path.abspath(args.out)
    os.makedirs(os.path.join(out, "src"), exist_ok=True)
    os.makedirs(os.path.join(out, "include", "bench"), exist_ok=True)
    with open(os.path.join(out, "include", "bench", "common.h"), "w") as f:
        f.write(COMMON_H)
    with open(os.path.join(out, "privacy-policy.json"), "w") as f:
        json.dump(make_policy(), f, ensure_ascii=False, indent=2, sort_keys=True)
        f.write("\n")

    rng = random.Random(args.seed)
    commands = []
    total_functions = 0
    total_violations = 0
    total_lines = 0
    for i in range(args.files):
        g = FileGen(i, args.functions, random.Random(rng.getrandbits(64)),
                    args.violation_rate,
                    args.files if args.cross_file and args.files > 1 else 0)
        text = g.generate()
        path = os.path.join(out, "src", "f%03d.cpp" % i)
        with open(path, "w") as f:
            f.write(text)
        total_functions += g.count
        total_violations += g.expected
        total_lines += text.count("\n")
        commands.append({
            "directory": out,
            "file": path,
            "arguments": [args.compiler, "-std=c++17",
                          "-I" + os.path.abspath(args.annotations),
                          "-I" + os.path.join(out, "include"),
                          "-c", path, "-o", path[:-4] + ".o"],
        })
    with open(os.path.join(out, "compile_commands.json"), "w") as f:
        json.dump(commands, f, indent=2)
        f.write("\n")
    summary = {"files": args.files, "functions": total_functions,
               "lines": total_lines, "seeded_violations": total_violations}
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
        f.write("\n")
    print("generated %(files)d files, %(functions)d functions, %(lines)d lines, "
          "%(seeded_violations)d seeded violations" % summary, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
