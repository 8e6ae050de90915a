"""JUnit XML for CI: one ``testcase`` per call, failed checks as the failure message."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path


def junit_xml(report: dict) -> bytes:
    calls = report["calls"]
    status = [c["status"] for c in calls]
    suite = ET.Element("testsuite", {
        "name": f"voicebot-eval.{report['suite']['name']}", "tests": str(len(calls)),
        "failures": str(status.count("fail")), "errors": str(status.count("error")),
        "skipped": str(status.count("interrupted") + status.count("not_run")),
        "time": f"{sum(c.get('duration_s') or 0 for c in calls):.2f}",
    })
    props = ET.SubElement(suite, "properties")
    summary = report["summary"]
    for name, value in (("wer", summary.get("wer")), ("cer", summary.get("cer")),
                        ("latency_p50_s", summary["latency_s"]["p50"]), ("latency_p95_s", summary["latency_s"]["p95"]),
                        ("containment", summary.get("containment")), ("partial", report["run"].get("partial"))):
        ET.SubElement(props, "property", {"name": name, "value": "" if value is None else str(value)})
    for call in calls:
        case = ET.SubElement(suite, "testcase", {"classname": report["suite"]["name"], "name": call["id"],
                                                 "time": f"{call.get('duration_s') or 0:.2f}"})
        failed = [c for c in call["checks"] if not c["passed"]]
        if call["status"] == "fail":
            text = "\n".join(f"{c['name']}: expected {c['expected']}, got {c['actual']}" for c in failed)
            ET.SubElement(case, "failure", {"message": "; ".join(c["name"] for c in failed),
                                            "type": "expectation"}).text = text
        elif call["status"] == "error":
            ET.SubElement(case, "error", {"message": str(call.get("error") or "no call record")})
        elif call["status"] in ("interrupted", "not_run"):
            ET.SubElement(case, "skipped", {"message": call["status"]})
        lines = [f"wer={call['wer']}", f"auth={call['auth']}", f"intent={call['intent']}",
                 f"handoff_queue={call['handoff_queue']}", f"latencies_s={[round(x, 3) for x in call['latencies_s']]}"]
        ET.SubElement(case, "system-out").text = "\n".join(lines)
    return ET.tostring(suite, encoding="utf-8", xml_declaration=True)


def write_junit(report: dict, out_dir: Path) -> Path:
    path = Path(out_dir) / "junit.xml"
    path.write_bytes(junit_xml(report))
    return path
