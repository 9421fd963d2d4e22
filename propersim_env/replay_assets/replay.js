/* ProPerSim replay: plays a saved simulation from the JSON embedded in this page.
   A household's data lists its residents (data.residents) and each step holds their
   records keyed by agent (steps[i].rs); a single resident's step is its record.
   Demo mode: data.speed (or ?speed=X in the URL) plays from the start step at X steps a second.
   Live mode (data.live, from `propersim serve`): the page asks the server for the steps logged
   since the last it holds about once a second, and follows the newest unless the user has
   stepped back; when the log was cut back (a resumed run) the server says so and the page
   starts again from what the log holds now.
   ProPerSim-v1 (data.needs): each step also holds the resident's reply (rp), whether it accepted
   (ac) and acted on (ad) the suggestion, the proposed activity (pa), its hidden need levels (n, in
   data.needs.names order) and at a day's last step the day's well-being score (wb); the page shows
   the reply under the decision and in the bubble, and a needs strip: one small bar per need, 0..1.
   A v1 household's residents each have these in their own records: each resident's reply shows under
   its line and in its bubble, and the strip has one row of bars per resident. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("replay-data").textContent);
  var S = data.strings, steps = data.steps, map = data.map, T = map.tile;
  var WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  var WINDOW = 24; /* decisions in the score curve's rolling mean: one hour of 150-second steps */

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, txt) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (txt !== undefined && txt !== null) { e.textContent = txt; }
    return e;
  }
  function rgb(c) { return "rgb(" + c[0] + "," + c[1] + "," + c[2] + ")"; }
  function scoreClass(s) { return s === null ? "sx" : "s" + Math.round(s); }
  function scoreText(s) { return s === null ? "not scored" : s + "/4"; }
  function count(n, noun) { return n + " " + noun + (n === 1 ? "" : "s"); } /* "1 suggestion", "2 suggestions" */
  function when(iso) {
    var d = new Date(iso + "Z");
    return WEEKDAYS[d.getUTCDay()] + " " + iso.slice(0, 10) + " " + iso.slice(11, 16);
  }

  var canvas = $("map"), stage = $("stage"), resident = $("resident"), bubble = $("bubble");
  var timeline = $("timeline"), staticLayer = document.createElement("canvas");
  var pad = Math.round(T * map.resident_pad);

  /* ---- who is on the map: one figure (a marker and a bubble) per resident ---- */
  var household = !!data.residents;
  var figures = household ? data.residents.map(function (p) {
    var dot = el("div", "resident"), bub = el("div", "bubble");
    dot.id = "resident-" + p.agent; bub.id = "bubble-" + p.agent;
    dot.title = p.name;
    dot.style.background = rgb(p.colour);
    bub.style.borderColor = rgb(p.colour);
    dot.setAttribute("data-agent", p.agent); bub.setAttribute("data-agent", p.agent);
    bub.hidden = true;
    stage.appendChild(dot); stage.appendChild(bub);
    return { agent: p.agent, who: p, dot: dot, bubble: bub };
  }) : [{ agent: null, who: null, dot: resident, bubble: bubble }];
  if (household) { resident.hidden = true; bubble.hidden = true; }
  function recordOf(i, f) { return household ? steps[i].rs[f.agent] : steps[i]; }
  function recordsAt(i) { return figures.map(function (f) { return recordOf(i, f); }); }
  var current = -1, playing = false, speed = 4, lastTs = null, carry = 0, frame = null;
  var live = data.live || null, follow = false, polls = 0, liveError = "";
  var geometry = null; /* the timeline's plot area */

  /* ---- running totals and the score curve ---- */
  var suggestionsSoFar, scoreSumSoFar, scoredSoFar, decisionsSoFar, curve;
  var n = 0, sum = 0, scored = 0, heard = 0, windowSum = 0, windowCount = 0;
  function resetTotals() {
    suggestionsSoFar = []; scoreSumSoFar = []; scoredSoFar = []; decisionsSoFar = []; curve = [];
    n = 0; sum = 0; scored = 0; heard = 0; windowSum = 0; windowCount = 0;
  }
  /* the totals of the steps not counted yet (all of them at first; the new ones in live mode) */
  function accumulate() {
    for (var i = curve.length; i < steps.length; i++) {
      recordsAt(i).forEach(function (r) {
        if (r.d >= 0) { n += 1; }
        if (!r.z) { heard += 1; }
        if (r.s !== null) { sum += r.s; scored += 1; windowSum += r.s; windowCount += 1; }
      });
      if (i >= WINDOW) {
        recordsAt(i - WINDOW).forEach(function (r) {
          if (r.s !== null) { windowSum -= r.s; windowCount -= 1; }
        });
      }
      suggestionsSoFar.push(n); scoreSumSoFar.push(sum); scoredSoFar.push(scored); decisionsSoFar.push(heard);
      curve.push(windowCount ? windowSum / windowCount : null);
    }
  }
  resetTotals();
  accumulate();

  /* ---- the map: the same tile colours as the rgb_array render ---- */
  function drawMap() {
    canvas.width = map.width * T;
    canvas.height = map.height * T;
    var g = canvas.getContext("2d");
    for (var y = 0; y < map.height; y++) {
      for (var x = 0; x < map.width; x++) {
        g.fillStyle = rgb(map.colours[y][x]);
        g.fillRect(x * T, y * T, T, T);
      }
    }
    stage.style.width = canvas.width + "px";
    stage.style.height = canvas.height + "px";
    var labels = $("labels");
    map.labels.forEach(function (l) {
      var span = el("span", "room-label", l.room);
      span.style.left = (l.x * T + 2) + "px";
      span.style.top = (l.y * T + 2) + "px";
      labels.appendChild(span);
    });
    figures.forEach(function (f) { f.dot.style.width = f.dot.style.height = (T - 2 * pad) + "px"; });
    canvas.addEventListener("mousemove", function (ev) {
      var x = Math.floor(ev.offsetX / T), y = Math.floor(ev.offsetY / T);
      if (x >= 0 && y >= 0 && x < map.width && y < map.height) {
        $("hover-line").textContent = "pointer: (" + x + ", " + y + ") " + S[map.addresses[y][x]];
      }
    });
  }

  /* ---- the timeline ---- */
  function drawTimeline() {
    var ratio = window.devicePixelRatio || 1;
    var w = timeline.clientWidth, h = timeline.clientHeight;
    staticLayer.width = timeline.width = Math.round(w * ratio);
    staticLayer.height = timeline.height = Math.round(h * ratio);
    var g = staticLayer.getContext("2d");
    g.setTransform(ratio, 0, 0, ratio, 0, 0);
    var left = 30, right = 10, top = 18, bottom = 8;
    var pw = w - left - right, ph = h - top - bottom, n = steps.length;
    geometry = { left: left, pw: pw, top: top, ph: ph, ratio: ratio, h: h };
    function xOf(i) { return left + (n <= 1 ? 0 : i * pw / (n - 1)); }
    function yOf(s) { return top + ph - s / 4 * ph; }
    g.fillStyle = "#fff";
    g.fillRect(0, 0, w, h);
    /* days as alternating bands */
    var start = 0;
    for (var i = 1; i <= n; i++) {
      if (i === n || steps[i].day !== steps[start].day) {
        g.fillStyle = steps[start].day % 2 ? "#f1f3f7" : "#fafbfc";
        g.fillRect(xOf(start), top, Math.max(1, xOf(i - 1) - xOf(start)), ph);
        g.fillStyle = "#5b6270";
        g.font = "11px system-ui, sans-serif";
        g.fillText("Day " + (steps[start].day + 1) + " " + when(steps[start].t).slice(0, 3), xOf(start) + 3, 12);
        start = i;
      }
    }
    /* score axis */
    g.strokeStyle = "#e1e4ea";
    g.fillStyle = "#5b6270";
    g.lineWidth = 1;
    for (var s = 0; s <= 4; s++) {
      g.beginPath(); g.moveTo(left, yOf(s) + 0.5); g.lineTo(left + pw, yOf(s) + 0.5); g.stroke();
      g.fillText(String(s), 14, yOf(s) + 4);
    }
    /* rolling mean score */
    g.strokeStyle = "#2b6cb0";
    g.lineWidth = 1.6;
    g.beginPath();
    var drawing = false;
    for (var j = 0; j < n; j++) {
      if (curve[j] === null) { drawing = false; continue; }
      if (drawing) { g.lineTo(xOf(j), yOf(curve[j])); } else { g.moveTo(xOf(j), yOf(curve[j])); drawing = true; }
    }
    g.stroke();
    /* suggestions, coloured by score */
    var dots = ["#b03a2e", "#d35400", "#b7950b", "#58a55c", "#1e8449"];
    for (var k = 0; k < n; k++) {
      recordsAt(k).forEach(function (r) {
        if (r.d < 0) { return; }
        var sc = r.s;
        g.fillStyle = sc === null ? "#7f8c8d" : dots[Math.round(sc)];
        g.beginPath(); g.arc(xOf(k), yOf(sc === null ? 0 : sc), 2.6, 0, 2 * Math.PI); g.fill();
      });
    }
    drawCursor();
  }

  function drawCursor() {
    if (!geometry) { return; }
    var g = timeline.getContext("2d");
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.drawImage(staticLayer, 0, 0);
    if (current < 0) { return; }
    var r = geometry.ratio, n = steps.length;
    var x = geometry.left + (n <= 1 ? 0 : current * geometry.pw / (n - 1));
    g.setTransform(r, 0, 0, r, 0, 0);
    g.strokeStyle = "#dc2828";
    g.lineWidth = 2;
    g.beginPath(); g.moveTo(x, geometry.top - 4); g.lineTo(x, geometry.top + geometry.ph); g.stroke();
  }

  function stepAt(clientX) {
    var box = timeline.getBoundingClientRect(), n = steps.length;
    var f = (clientX - box.left - geometry.left) / geometry.pw;
    return Math.round(Math.min(1, Math.max(0, f)) * (n - 1));
  }

  /* ---- ProPerSim-v1: the resident's reply and its hidden needs ---- */
  var needs = data.needs || null;
  function replyHow(r) {
    if (!r.ac) { return "declined"; }
    return r.ad ? "acted on it" + (r.pa >= 0 ? " (" + S[r.pa].replace(/_/g, " ") + ")" : "") :
      "accepted; the day did not change";
  }
  function hasReply(r) { return !!needs && r.d >= 0 && r.rp >= 0; }
  function firstName(f) { return (f.who ? f.who.name : data.persona.name).split(" ")[0]; }
  function replyLine(box, r, f) {
    box.appendChild(el("b", null, firstName(f) + ": "));
    box.appendChild(el("span", "reply-text", "\u201c" + S[r.rp] + "\u201d"));
    box.appendChild(el("span", "reply-how", " \u00b7 " + replyHow(r)));
  }
  /* the bars of every need, 0..1, in box; a household's residents each have a row of them */
  function needBars(box) {
    needs.names.forEach(function (name) {
      var item = el("div", "need"), bar = el("div", "need-bar"), mark = el("div", "need-low-mark");
      item.setAttribute("data-need", name);
      mark.style.bottom = (needs.low * 100) + "%";
      mark.title = "below " + needs.low + ": out of range";
      bar.appendChild(el("div", "need-fill"));
      bar.appendChild(mark);
      item.appendChild(el("span", "need-value", "-"));
      item.appendChild(bar);
      item.appendChild(el("span", "need-name", name));
      box.appendChild(item);
    });
  }
  function buildNeeds() {
    if (!needs) { return; }
    var box = $("needs");
    box.textContent = "";
    if (household) {
      $("needs-head").textContent = "Residents' hidden needs";
      figures.forEach(function (f) {
        var row = el("div", "needs-resident"), bars = el("div", "needs-bars"), line = el("div", "wellbeing-line", "");
        row.setAttribute("data-agent", f.agent);
        row.style.borderLeftColor = rgb(f.who.colour);
        row.appendChild(el("div", "needs-who", firstName(f)));
        needBars(bars);
        row.appendChild(bars);
        row.appendChild(line);
        box.appendChild(row);
        f.needs = { bars: bars, line: line };
      });
    } else {
      needBars(box);
      var line = el("div", null, "");
      line.id = "wellbeing-line";
      box.appendChild(line);
      figures[0].needs = { bars: box, line: line };
    }
    box.hidden = false;
    $("needs-head").hidden = false;
  }
  function showNeeds(f, r, day) {
    if (!needs) { return; }
    var items = f.needs.bars.querySelectorAll(".need");
    needs.names.forEach(function (name, k) {
      var v = r.n ? r.n[k] : null, item = items[k];
      var known = v !== null && v !== undefined;
      item.className = "need" + (!known ? "" : v < needs.critical ? " critical" : v < needs.low ? " low" : "");
      item.setAttribute("data-level", known ? String(v) : "");
      item.title = name + ": " + (known ? v.toFixed(2) : "unknown") + " (0 unmet, 1 met)";
      item.querySelector(".need-fill").style.height = (known ? Math.max(0, Math.min(1, v)) * 100 : 0) + "%";
      item.querySelector(".need-value").textContent = known ? v.toFixed(2) : "-";
    });
    f.needs.line.textContent = r.wb !== undefined && r.wb !== null ?
      "day " + (day + 1) + " ended: well-being " + r.wb.toFixed(2) : "";
  }

  /* ---- one step on screen ---- */
  function criteriaList(list, record) {
    list.textContent = "";
    data.criteria.forEach(function (c) {
      if (!(c[0] in record.c)) { return; }
      var li = el("li", record.c[c[0]] ? "ok" : "bad");
      li.setAttribute("data-criterion", c[0]);
      li.appendChild(el("b", null, c[1] + ": "));
      li.appendChild(document.createTextNode(S[record.r[c[0]]]));
      list.appendChild(li);
    });
  }

  function showBubble(i, f) {
    var j = -1, bubble = f.bubble;
    for (var k = i; k >= 0 && k >= i - data.hold; k--) {
      if (recordOf(k, f).d >= 0) { j = k; break; }
    }
    if (j < 0) { bubble.hidden = true; bubble.removeAttribute("data-step"); return; }
    var r = recordOf(j, f), t = steps[j].t;
    bubble.textContent = "";
    bubble.setAttribute("data-step", String(j));
    bubble.className = [household ? "bubble" : "", j < i ? "faded" : ""].join(" ").trim();
    var head = el("div", "bubble-head");
    head.appendChild(el("span", "bubble-time", (f.who ? f.who.name.split(" ")[0] + "'s assistant" : "Assistant") +
      " at " + t.slice(11, 16) + (j < i ? " (" + count(i - j, "step") + " ago)" : "")));
    head.appendChild(el("span", "badge score " + scoreClass(r.s), scoreText(r.s)));
    bubble.appendChild(head);
    bubble.appendChild(el("div", "bubble-text", "\u201c" + S[r.d] + "\u201d"));
    if (hasReply(r)) {
      var said = el("div", "bubble-reply");
      replyLine(said, r, f);
      bubble.appendChild(said);
    }
    var list = el("ul", "reasons");
    criteriaList(list, r);
    bubble.appendChild(list);
    bubble.hidden = false;
    placeBubble(bubble, recordOf(i, f));
  }

  /* Above the resident, else below, right or left: the first place where the whole
     bubble fits on the map without hiding the resident (else the least overflowing).
     In a household, a bubble also keeps off the bubbles placed before it at this step. */
  var placed = [];
  function placeBubble(bubble, at) {
    var bw = bubble.offsetWidth, bh = bubble.offsetHeight, W = canvas.width, H = canvas.height, gap = 8;
    var rx = at.x * T, ry = at.y * T;
    function clamp(v, lo, hi) { return Math.min(Math.max(v, lo), Math.max(lo, hi)); }
    var cx = clamp(rx + T / 2 - bw / 2, 4, W - bw - 4), cy = clamp(ry + T / 2 - bh / 2, 4, H - bh - 4);
    var places = [[cx, ry - bh - gap], [cx, ry + T + gap], [rx + T + gap, cy], [rx - bw - gap, cy]];
    var best = null, bestOverflow = Infinity;
    places.forEach(function (p) {
      var overflow = Math.max(0, 4 - p[0]) + Math.max(0, p[0] + bw - (W - 4)) +
                     Math.max(0, 4 - p[1]) + Math.max(0, p[1] + bh - (H - 4));
      placed.forEach(function (q) {
        var ox = Math.min(p[0] + bw, q[0] + q[2]) - Math.max(p[0], q[0]);
        var oy = Math.min(p[1] + bh, q[1] + q[3]) - Math.max(p[1], q[1]);
        if (ox > 0 && oy > 0) { overflow += Math.min(ox, oy); }
      });
      if (overflow < bestOverflow) { best = p; bestOverflow = overflow; }
    });
    bubble.style.left = best[0] + "px";
    bubble.style.top = best[1] + "px";
    placed.push([best[0], best[1], bw, bh]);
  }

  function show(i) {
    if (!steps.length) { return; }
    i = Math.min(steps.length - 1, Math.max(0, Math.floor(Number(i)) || 0));
    current = i;
    follow = i === steps.length - 1;
    var step = steps[i];
    figures.forEach(function (f) {
      var r = recordOf(i, f);
      f.dot.style.left = (r.x * T + pad) + "px";
      f.dot.style.top = (r.y * T + pad) + "px";
      f.dot.setAttribute("data-x", String(r.x));
      f.dot.setAttribute("data-y", String(r.y));
    });
    $("clock").textContent = when(step.t);
    var decision = $("decision");
    decision.textContent = "";
    if (household) {
      $("day-line").textContent = "Day " + (step.day + 1) + " of " + data.days;
      $("action").textContent = "";
      $("tile-line").textContent = "";
      figures.forEach(function (f) {
        var r = recordOf(i, f), line = el("div", "resident-action");
        line.setAttribute("data-agent", f.agent);
        line.style.borderLeftColor = rgb(f.who.colour);
        line.textContent = S[r.a] + (r.w ? " \u00b7 walking" : "");
        $("action").appendChild(line);
        var said = el("div", "resident-decision");
        said.setAttribute("data-agent", f.agent);
        said.appendChild(el("b", null, f.who.name.split(" ")[0] + ": "));
        said.appendChild(el("span", "badge " + scoreClass(r.s), r.z ? "asleep" : scoreText(r.s)));
        said.appendChild(document.createTextNode(" "));
        said.appendChild(el("span", r.d >= 0 ? "quote" : "noop", r.d >= 0 ? "\u201c" + S[r.d] + "\u201d" :
          (r.z ? "not delivered" : "No Recommendation")));
        decision.appendChild(said);
        if (hasReply(r)) {
          var heardLine = el("div", "resident-reply");
          heardLine.setAttribute("data-agent", f.agent);
          replyLine(heardLine, r, f);
          decision.appendChild(heardLine);
        }
        showNeeds(f, r, step.day);
      });
      $("reply").hidden = true;
      $("criteria").textContent = "";
    } else {
      var r = step;
      $("day-line").textContent = "Day " + (r.day + 1) + " of " + data.days + (r.w ? " \u00b7 walking" : "");
      $("action").textContent = S[r.a];
      $("tile-line").textContent = "tile (" + r.x + ", " + r.y + ") " + S[map.addresses[r.y][r.x]];
      decision.appendChild(el("span", "badge " + scoreClass(r.s), scoreText(r.s)));
      decision.appendChild(document.createTextNode(" "));
      decision.appendChild(el("span", r.d >= 0 ? "quote" : "noop", r.d >= 0 ? "\u201c" + S[r.d] + "\u201d" : "No Recommendation"));
      var reply = $("reply");
      reply.textContent = "";
      reply.hidden = !hasReply(r);
      if (hasReply(r)) { replyLine(reply, r, figures[0]); }
      criteriaList($("criteria"), r);
      showNeeds(figures[0], r, r.day);
    }
    var scored = scoredSoFar[i];
    $("totals").textContent = count(suggestionsSoFar[i], "suggestion") + " in " + count(decisionsSoFar[i], "decision") + "; mean score " +
      (scored ? (scoreSumSoFar[i] / scored).toFixed(2) : "-");
    $("step-label").textContent = "step " + i + " / " + (steps.length - 1);
    showLive();
    placed = [];
    figures.forEach(function (f) { showBubble(i, f); });
    drawCursor();
  }

  /* ---- playback ---- */
  function tick(ts) {
    if (!playing) { return; }
    if (lastTs !== null) { carry += (ts - lastTs) / 1000 * speed; }
    lastTs = ts;
    var n = Math.floor(carry);
    if (n > 0) {
      carry -= n;
      if (current + n >= steps.length - 1) {
        show(steps.length - 1);
        if (!live) { pause(); return; }
        carry = 0; /* live: wait at the newest step for the next ones */
      } else {
        show(current + n);
      }
    }
    frame = requestAnimationFrame(tick);
  }
  function play() {
    if (playing || !steps.length) { return; }
    if (current >= steps.length - 1) { show(0); }
    playing = true; lastTs = null; carry = 0;
    figures.forEach(function (f) {
      f.dot.style.transitionDuration = Math.min(0.2, 0.8 / speed) + "s";
      f.dot.classList.add("moving");
    });
    $("play").textContent = "Pause";
    frame = requestAnimationFrame(tick);
  }
  function pause() {
    playing = false;
    if (frame !== null) { cancelAnimationFrame(frame); frame = null; }
    figures.forEach(function (f) { f.dot.classList.remove("moving"); });
    $("play").textContent = "Play";
    showLive();
  }
  function setSpeed(v) {
    speed = Math.max(0.25, Number(v) || 4);
    var select = $("speed"), value = String(speed);
    if (!Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
      var option = el("option", null, value + " steps/s");
      option.value = value;
      select.appendChild(option);
    }
    select.value = value;
    figures.forEach(function (f) { f.dot.style.transitionDuration = Math.min(0.2, 0.8 / speed) + "s"; });
  }
  function goToInput() {
    var input = $("start-step"), v = Number(input.value);
    if (!Number.isInteger(v) || v < 0 || v >= steps.length) {
      input.setCustomValidity("a step from 0 to " + (steps.length - 1));
      input.reportValidity();
      $("step-label").textContent = "start step must be a whole number from 0 to " + (steps.length - 1);
      return;
    }
    input.setCustomValidity("");
    pause();
    show(v);
  }

  function query(name, pattern) {
    var m = new RegExp("[?#&]" + name + "=(" + pattern + ")").exec(window.location.search + window.location.hash);
    return m ? m[1] : null;
  }
  function initialStep() {
    var m = query("step", "\\d+");
    if (m !== null) { return Number(m); }
    /* live without a start step: open at the newest step and follow */
    return data.start_step === null || data.start_step === undefined ? steps.length - 1 : data.start_step;
  }
  function demoSpeed() {
    var m = query("speed", "[0-9]+(?:\\.[0-9]+)?");
    return m !== null ? Number(m) : (data.speed || null);
  }

  /* ---- live mode: new steps from the server ---- */
  function showLive() {
    var line = $("live-line");
    line.hidden = !live;
    if (!live) { return; }
    var behind = steps.length ? steps.length - 1 - current : 0;
    line.textContent = liveError ? "live: " + liveError :
      !steps.length ? "live: waiting for the first step" :
      behind > 0 && !playing ? "live: " + count(behind, "newer step") + " (End follows)" : "live: following";
  }
  function describe() {
    if (household) {
      $("persona-line").textContent = "Household: " + data.residents.map(function (p) {
        return p.description + " (persona " + p.id + ", assistant: " + p.policy + ")";
      }).join("; ") + " \u00b7 " + count(steps.length, "step") + " over " + count(data.days, "day");
    } else {
      $("persona-line").textContent = data.persona.description + " \u00b7 persona " + data.persona.id +
        " \u00b7 assistant: " + data.policy + " \u00b7 " + count(steps.length, "decision") + " over " + count(data.days, "day");
    }
  }
  function setEnabled() {
    var empty = !steps.length;
    ["first", "prev", "play", "next", "last", "go"].forEach(function (id) { $(id).disabled = empty; });
    figures.forEach(function (f) { f.dot.hidden = empty; if (empty) { f.bubble.hidden = true; } });
    if (empty) {
      $("action").textContent = "This simulation has no steps yet: " + (live ? "waiting for it to run." : "run it first.");
    }
    $("start-step").max = String(Math.max(0, steps.length - 1));
  }
  function received(answer) {
    polls += 1;
    liveError = answer.error || "";
    if (answer.reset || answer.gen !== live.gen || answer.strings_from !== S.length) {
      if (!answer.reset) { live.gen = -1; return; } /* out of step with the server: ask for everything */
      live.gen = answer.gen;
      steps.length = 0; S.length = 0; resetTotals();
    }
    var wasFollowing = follow || current < 0, before = steps.length;
    Array.prototype.push.apply(S, answer.strings);
    Array.prototype.push.apply(steps, answer.steps);
    if (answer.head) {
      data.days = answer.head.days;
      if (household) {
        data.residents.forEach(function (p) { p.policy = answer.head.policies[p.agent] || p.policy; });
      } else {
        data.policy = answer.head.policy;
      }
    }
    describe(); /* the count of steps, a lengthened run's days, a replaced policy */
    if (answer.reset || steps.length !== before) {
      accumulate();
      setEnabled();
      drawTimeline();
      if (!steps.length) { current = -1; follow = true; drawCursor(); }
      else if (answer.reset && !wasFollowing) { show(Math.min(current, steps.length - 1)); }
      else if (answer.reset || (!playing && wasFollowing)) { show(steps.length - 1); }
    }
    showLive();
  }
  function poll() {
    var url = live.url + "?gen=" + live.gen + "&after=" + steps.length + "&strings=" + S.length;
    fetch(url, { cache: "no-store" }).then(function (r) {
      if (!r.ok) { throw new Error("the server answered " + r.status); }
      return r.json();
    }).then(function (answer) {
      received(answer);
      return answer.more; /* more steps than one answer holds: ask again at once */
    }, function (err) {
      liveError = "cannot reach the server (" + err.message + ")";
      showLive();
      return false;
    }).then(function (more) { setTimeout(poll, more ? 0 : live.poll_ms); });
  }

  /* ---- wiring ---- */
  describe();
  drawMap();
  buildNeeds();
  $("first").onclick = function () { pause(); show(0); };
  $("prev").onclick = function () { pause(); show(current - 1); };
  $("next").onclick = function () { pause(); show(current + 1); };
  $("last").onclick = function () { pause(); show(steps.length - 1); };
  $("play").onclick = function () { if (playing) { pause(); } else { play(); } };
  $("speed").onchange = function () { setSpeed(this.value); };
  $("go").onclick = goToInput;
  $("start-step").addEventListener("keydown", function (ev) { if (ev.key === "Enter") { goToInput(); } });
  var dragging = false;
  timeline.addEventListener("mousedown", function (ev) { if (steps.length) { dragging = true; pause(); show(stepAt(ev.clientX)); } });
  window.addEventListener("mousemove", function (ev) { if (dragging) { show(stepAt(ev.clientX)); } });
  window.addEventListener("mouseup", function () { dragging = false; });
  document.addEventListener("keydown", function (ev) {
    if (ev.target.tagName === "INPUT" || ev.target.tagName === "SELECT") { return; }
    if (ev.key === "ArrowRight") { pause(); show(current + 1); }
    else if (ev.key === "ArrowLeft") { pause(); show(current - 1); }
    else if (ev.key === " ") { ev.preventDefault(); if (playing) { pause(); } else { play(); } }
    else if (ev.key === "Home") { pause(); show(0); }
    else if (ev.key === "End") { pause(); show(steps.length - 1); }
  });
  window.addEventListener("resize", drawTimeline);
  setEnabled();
  drawTimeline();
  var start = initialStep();
  $("start-step").value = String(Math.max(0, Math.min(start, steps.length - 1)));
  show(start);
  showLive();
  var demo = demoSpeed();
  if (demo) { setSpeed(demo); play(); }
  if (live) { setTimeout(poll, live.poll_ms); }

  window.replay = {
    ready: true,
    get length() { return steps.length; },
    live: function () { return live ? { gen: live.gen, polls: polls, following: follow, error: liveError } : null; },
    speed: function () { return speed; },
    goTo: function (i) { pause(); show(i); },
    next: function () { pause(); show(current + 1); },
    prev: function () { pause(); show(current - 1); },
    play: play,
    pause: pause,
    setSpeed: setSpeed,
    current: function () { return current; },
    isPlaying: function () { return playing; }
  };
})();
