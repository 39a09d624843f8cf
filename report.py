"""Validation reports: every issue of every plan, as data (JSON), and as one
self-contained HTML page (no network: inline CSS, SVG and script)."""

from __future__ import annotations

import html
import json
from collections import Counter
from pathlib import Path

from .batch import Outcome
from .files import write_atomic
from .normalise.validate import CODES

REPORT_VERSION = "1"


def build_report(outcomes: list[Outcome]) -> dict:
    """{valid, stats, plans: [...], failures: [...]}: a plan is valid with no error-severity issue."""
    plans, failures = [], []
    by_code: Counter[str] = Counter()
    for outcome in outcomes:
        if outcome.plan is None:
            failures.append({"path": str(outcome.path), "error": outcome.error})
            continue
        plan = outcome.plan
        actions = {item.id: item.action for item in plan.items}
        issues = [
            {**found.model_dump(mode="json"), "action": (actions.get(found.item_id) or "")[:160]}
            for found in plan.issues
        ]
        counts = Counter(found.code for found in plan.issues)
        by_code.update(counts)
        plans.append({
            "path": plan.source.path, "title": plan.title, "items": len(plan.items), "status": outcome.status,
            "valid": not any(found.severity == "error" for found in plan.issues),
            "errors": sum(found.severity == "error" for found in plan.issues),
            "warnings": sum(found.severity == "warning" for found in plan.issues),
            "counts": dict(sorted(counts.items())), "issues": issues,
        })
    stats = {
        "plans": len(plans), "failed": len(failures), "items": sum(p["items"] for p in plans),
        "errors": sum(p["errors"] for p in plans), "warnings": sum(p["warnings"] for p in plans),
        "by_code": dict(sorted(by_code.items())),
    }
    return {
        "report_version": REPORT_VERSION, "valid": not failures and all(p["valid"] for p in plans),
        "stats": stats, "plans": plans, "failures": failures,
        "codes": {code: {"severity": severity, "meaning": meaning} for code, (severity, meaning) in CODES.items()},
    }


def report_json(report: dict) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def report_html(report: dict) -> str:
    """One HTML file: counts per plan, a bar chart of issues by code, a filterable table."""
    stats = report["stats"]
    e = html.escape
    plan_rows = "".join(
        f"<tr><td>{e(p['path'])}</td><td>{e(p['title'] or '')}</td><td class=n>{p['items']}</td>"
        f"<td class=n>{p['errors']}</td><td class=n>{p['warnings']}</td></tr>"
        for p in report["plans"]
    ) + "".join(
        f"<tr class=failed><td>{e(f['path'])}</td><td colspan=4>{e(f['error'] or '')}</td></tr>"
        for f in report["failures"]
    )
    by_code = stats["by_code"]
    top = max(by_code.values(), default=1)
    bars = "".join(
        f'<g transform="translate(0,{i * 26})"><text x="0" y="16">{e(code)}</text>'
        f'<rect x="190" y="3" height="18" width="{max(2, 360 * count / top):.0f}" '
        f'class="{CODES.get(code, ("warning",))[0]}"></rect>'
        f'<text x="{196 + 360 * count / top:.0f}" y="16" class="count" data-code="{e(code)}">{count}</text></g>'
        for i, (code, count) in enumerate(sorted(by_code.items(), key=lambda pair: -pair[1]))
    )
    issue_rows = "".join(
        f'<tr data-code="{e(i["code"])}" data-severity="{i["severity"]}" data-plan="{e(p["path"])}">'
        f'<td>{e(p["path"])}</td><td>{e(i["code"])}</td><td>{i["severity"]}</td><td>{e(i["item_id"] or "")}</td>'
        f'<td class=n>{i["page"] if i["page"] is not None else ""}</td><td class=n>{i["row"] or ""}</td>'
        f'<td>{e(i["action"])}</td><td>{e(i["value"] or "")}</td><td>{e(i["message"])}</td></tr>'
        for p in report["plans"] for i in p["issues"]
    )
    code_options = "".join(f"<option>{e(code)}</option>" for code in by_code)
    plan_options = "".join(f"<option>{e(p['path'])}</option>" for p in report["plans"])
    return _PAGE.format(
        plans=stats["plans"], items=stats["items"], errors=stats["errors"], warnings=stats["warnings"],
        failed=stats["failed"], plan_rows=plan_rows, bars=bars, height=max(26, 26 * len(by_code)),
        issue_rows=issue_rows, code_options=code_options, plan_options=plan_options,
        total=sum(len(p["issues"]) for p in report["plans"]),
    )


def write_report(report: dict, target: Path) -> None:
    """``.html`` writes the page, anything else the JSON."""
    write_atomic(target, report_html(report) if target.suffix.lower() in (".html", ".htm") else report_json(report))


_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>actionplan validation report</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }}
table {{ border-collapse: collapse; margin: 1em 0; }} td, th {{ border: 1px solid #ccc; padding: 4px 8px; vertical-align: top; }}
th {{ background: #f0f0f0; text-align: left; }} td.n {{ text-align: right; }} tr.failed td {{ background: #fde8e8; }}
rect.error {{ fill: #c0392b; }} rect.warning {{ fill: #e6a23c; }} .totals span {{ margin-right: 2em; }}
</style></head><body>
<h1>Validation report</h1>
<p class="totals"><span>plans <b id="plans">{plans}</b></span><span>items <b id="items">{items}</b></span>
<span>errors <b id="errors">{errors}</b></span><span>warnings <b id="warnings">{warnings}</b></span>
<span>unreadable files <b id="failed">{failed}</b></span></p>
<h2>Plans</h2>
<table id="plan-table"><tr><th>file</th><th>title</th><th>items</th><th>errors</th><th>warnings</th></tr>{plan_rows}</table>
<h2>Issues by code</h2>
<svg id="chart" width="640" height="{height}" role="img" aria-label="issues by code">{bars}</svg>
<h2>Flagged items</h2>
<p><label>code <select id="code"><option value="">all</option>{code_options}</select></label>
<label>severity <select id="severity"><option value="">all</option><option>error</option><option>warning</option></select></label>
<label>plan <select id="plan"><option value="">all</option>{plan_options}</select></label>
<label>text <input id="text" type="search"></label> showing <b id="shown">{total}</b> of {total}</p>
<table id="issues"><tr><th>plan</th><th>code</th><th>severity</th><th>item</th><th>page</th><th>row</th><th>action</th><th>value</th><th>message</th></tr>
{issue_rows}</table>
<script>
function applyFilters() {{
  const code = document.getElementById("code").value, severity = document.getElementById("severity").value;
  const plan = document.getElementById("plan").value, text = document.getElementById("text").value.toLowerCase();
  let shown = 0;
  document.querySelectorAll("#issues tr[data-code]").forEach(row => {{
    const keep = (!code || row.dataset.code === code) && (!severity || row.dataset.severity === severity)
      && (!plan || row.dataset.plan === plan) && (!text || row.textContent.toLowerCase().includes(text));
    row.style.display = keep ? "" : "none";
    if (keep) shown += 1;
  }});
  document.getElementById("shown").textContent = shown;
}}
["code", "severity", "plan", "text"].forEach(id => document.getElementById(id).addEventListener("input", applyFilters));
const preset = new URLSearchParams(location.search);
["code", "severity", "plan"].forEach(id => {{ if (preset.get(id)) document.getElementById(id).value = preset.get(id); }});
applyFilters();
</script></body></html>
"""
