# Sourced by ./edgeledger: after the Maven run, one line counting what ran and what was skipped, read from the
# Surefire/Failsafe reports written since MARKER. A skipped test is easy to miss in Maven's output (the network
# namespace tests skip without root), so it is named here, and in CI (CI=true) any skip fails the run.

el_test_report() { # MARKER
    local marker=$1
    find . -path ./.git -prune -o \( -path '*/surefire-reports/TEST-*.xml' -o -path '*/failsafe-reports/TEST-*.xml' \) \
        -newer "$marker" -print | python3 -c '
import sys, xml.etree.ElementTree as ET
tests = failed = skipped = 0
names = []
for path in sys.stdin.read().split():
    root = ET.parse(path).getroot()
    for case in root.iter("testcase"):
        tests += 1
        if case.find("failure") is not None or case.find("error") is not None:
            failed += 1
        elif case.find("skipped") is not None:
            skipped += 1
            names.append(case.get("classname", "?") + "." + case.get("name", "?"))
for name in names[:40]:
    print("edgeledger: skipped " + name, file=sys.stderr)
if len(names) > 40:
    print("edgeledger: ... and %d more skipped" % (len(names) - 40), file=sys.stderr)
print("Tests: %d passed, %d failed, %d skipped" % (tests - failed - skipped, failed, skipped))
sys.exit(3 if skipped else 0)
'
}
