"""Makes the head of a change from a copy of examples/cloudz (argument: the
copy's directory), for test/scan/compare.test: a new log of an item, a new
recipient abroad (in the policy and the code), a removed store write, a new
purpose use; and edits that change nothing a reviewer needs to see (lines
moving, the wording of the policy, the items the logs may hold)."""
import json
import sys

root = sys.argv[1]


def edit(path, old, new):
    with open(root + "/" + path, encoding="utf-8") as f:
        text = f.read()
    if old not in text:
        sys.exit("change_cloudz.py: %r not found in %s" % (old, path))
    with open(root + "/" + path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


# The policy: a new processor in Japan for newsletters; the logs may now
# also hold the user id (the wording of every log-leak message changes);
# a label changes.
with open(root + "/privacy-policy.json", encoding="utf-8") as f:
    policy = json.load(f)
policy["recipients"]["insight_lab"] = {
    "label": {"ko": "인사이트랩", "en": "Insight Lab K.K."},
    "role": "processor",
    "country": "JP",
    "task": {"ko": "뉴스레터 분석", "en": "Newsletter analytics"},
    "items": ["email"],
    "purposes": ["marketing"],
}
policy["stores"]["logs"]["items"].append("user_id")
policy["stores"]["logs"]["label"]["en"] = "Records of site visits"
with open(root + "/privacy-policy.json", "w", encoding="utf-8") as f:
    json.dump(policy, f, ensure_ascii=False, indent=2)

# A new recipient: the newsletter's address goes to Insight Lab.
edit("include/cloudz/outbound.h", "// --- stores ---",
     'PRIVACY_TRANSFER("insight_lab", "JP")\n'
     "void shareWithInsightLab(const std::string &email);\n\n"
     "// --- stores ---")
edit("src/marketing.cpp", '  return mailer::send(m.email, "Cloud Z news",',
     '  shareWithInsightLab(m.email);\n'
     '  return mailer::send(m.email, "Cloud Z news",')

# A new log of an item: the member's name, which the logs may not hold.
edit("src/accounts.cpp", "  saveMember(m);\n  return true;\n}\n\nPRIVACY_PURPOSE(\"identity_verification\")",
     "  saveMember(m);\n  writeLog(\"new member \" + m.name);\n  return true;\n}\n\n"
     "PRIVACY_PURPOSE(\"identity_verification\")")

# A removed store write: complaints are no longer saved. Lines move above
# the unchanged findings of this file.
edit("src/support_desk.cpp", "  saveComplaint(m.userId, question);\n", "")
edit("src/support_desk.cpp", "namespace cloudz {\n",
     "namespace cloudz {\n\n// Complaints now go to the ticket only.\n\n")

# A new purpose use: e-mail addresses in the usage statistics.
edit("src/statistics.cpp",
     "// Mistake: names are not collected for statistics;",
     "size_t addressLength(const Member &m) { return m.email.size(); }\n\n"
     "// Mistake: names are not collected for statistics;")
