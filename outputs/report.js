// The report page's filters, inlined by outputs/html.py. Works offline; a query string
// (?rag=red&overdue=1&lead=...) sets the filters on opening, so a view can be linked.
(function () {
  const names = ["plan", "code", "severity", "lead", "rag", "overdue", "text"];
  const control = name => document.getElementById("f-" + name);
  const rows = Array.from(document.querySelectorAll("tr.action"));

  function value(name) {
    const box = control(name);
    return box.type === "checkbox" ? (box.checked ? "1" : "") : box.value.trim();
  }

  function keeps(row, f) {
    return (!f.plan || row.dataset.plan === f.plan)
      && (!f.code || row.dataset.codes.includes(" " + f.code + " "))
      && (!f.severity || row.dataset.severity.includes(" " + f.severity + " "))
      && (!f.lead || row.dataset.leads.includes("|" + f.lead + "|"))
      && (!f.rag || row.dataset.rag === f.rag)
      && (!f.overdue || row.dataset.overdue === "1")
      && (!f.text || row.textContent.toLowerCase().includes(f.text.toLowerCase()));
  }

  function apply() {
    const f = {};
    names.forEach(name => { f[name] = value(name); });
    const filtering = names.some(name => f[name]);
    let shown = 0;
    rows.forEach(row => {
      const keep = keeps(row, f);
      row.hidden = !keep;
      if (keep) shown += 1;
    });
    // a section or recommendation heading shows while an action below it (before the next
    // heading of its rank or higher) does
    document.querySelectorAll("table.actions tbody").forEach(body => {
      let section = null, recommendation = null;
      Array.from(body.rows).forEach(row => {
        if (row.classList.contains("section")) { section = row; recommendation = null; row.hidden = true; }
        else if (row.classList.contains("recommendation")) { recommendation = row; row.hidden = true; }
        else if (!row.hidden) { if (section) section.hidden = false; if (recommendation) recommendation.hidden = false; }
      });
    });
    document.querySelectorAll("details.plan").forEach(plan => {
      const visible = plan.querySelector("tr.action:not([hidden])") !== null;
      plan.hidden = filtering && !visible;
      if (filtering && visible) plan.open = true;
    });
    document.getElementById("shown").textContent = shown;
  }

  names.forEach(name => control(name).addEventListener("input", apply));
  const preset = new URLSearchParams(location.search);
  names.forEach(name => {
    if (!preset.has(name)) return;
    const box = control(name);
    if (box.type === "checkbox") box.checked = preset.get(name) === "1"; else box.value = preset.get(name);
  });
  // a board paper prints every plan in full, whatever is folded on screen
  let folded = [];
  window.addEventListener("beforeprint", () => {
    folded = Array.from(document.querySelectorAll("details:not([open])"));
    folded.forEach(d => { d.open = true; });
  });
  window.addEventListener("afterprint", () => folded.forEach(d => { d.open = false; }));
  // a link to an action (the overdue list) opens its plan, wherever it was folded or filtered out
  function reveal() {
    const row = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!row || !row.classList.contains("action")) return;
    for (let up = row.closest("details"); up; up = up.parentElement.closest("details")) { up.open = true; up.hidden = false; }
    row.hidden = false;
    row.scrollIntoView();
  }
  window.addEventListener("hashchange", reveal);
  apply();
  reveal();
  document.body.dataset.ready = "1";
})();
