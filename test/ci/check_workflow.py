"""check_workflow.py WORKFLOW: every privacy-scan command of the sample
GitHub Actions workflow (docs/ci/github-actions.yml) uses only options
privacy-scan has (its --help), so the sample does not rot."""
import re
import subprocess
import sys

path = sys.argv[1]
with open(path, encoding="utf-8") as f:
    text = f.read().replace("\\\n", " ")  # shell line continuations
help_text = subprocess.run(["privacy-scan", "--help"], capture_output=True,
                           text=True, check=True).stdout
known = set(re.findall(r"^\s+(--?[a-z][a-z-]*)", help_text, re.M))
runs, errors = 0, []
for line in text.splitlines():
    if "bin/privacy-scan" not in line:
        continue
    runs += 1
    command = line.split("bin/privacy-scan", 1)[1].split("||")[0]
    for option in re.findall(r"(?:^|\s)(--?[a-z][a-z-]*)", command):
        if option not in known:
            errors.append("unknown option %s in: %s" % (option, line.strip()))
for e in errors:
    print(e)
print("%s: %d privacy-scan runs, %s" % (path.rsplit("/", 1)[-1], runs,
                                         "options ok" if not errors else "errors"))
sys.exit(1 if errors else 0)
