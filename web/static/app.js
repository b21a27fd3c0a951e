/* plangraph: pickers with suggestions from the server (/goi-y), typed with or without
   diacritics. Suggestions are shown with textContent only. */
(function () {
  "use strict";
  function attach(input) {
    var kind = input.getAttribute("data-suggest");
    var box = document.createElement("ul");
    box.className = "suggest";
    box.hidden = true;
    box.setAttribute("role", "listbox");
    input.parentNode.insertBefore(box, input.nextSibling);
    input.setAttribute("aria-autocomplete", "list");
    var timer = null, active = -1, asked = 0;
    function close() { box.hidden = true; active = -1; }
    function choose(text) { input.value = text; close(); }
    function show(items) {
      box.textContent = "";
      items.forEach(function (text) {
        var li = document.createElement("li");
        li.textContent = text;
        li.setAttribute("role", "option");
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(text); });
        box.appendChild(li);
      });
      box.hidden = items.length === 0;
      active = -1;
    }
    function load() {
      var mine = ++asked;  // an answer to an older request is dropped
      var url = "/goi-y?loai=" + encodeURIComponent(kind) + "&q=" + encodeURIComponent(input.value);
      fetch(url, {credentials: "same-origin"}).then(function (r) { return r.json(); })
        .then(function (items) { if (mine === asked) { show(items); } }).catch(close);
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(load, 120);
    });
    input.addEventListener("focus", load);
    input.addEventListener("blur", function () { setTimeout(close, 100); });
    input.addEventListener("keydown", function (e) {
      var items = box.querySelectorAll("li");
      if (box.hidden || !items.length) { return; }
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        active = (active + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
        Array.prototype.forEach.call(items, function (li, i) {
          li.classList.toggle("active", i === active);
        });
      } else if (e.key === "Enter" && active >= 0) {
        e.preventDefault();
        choose(items[active].textContent);
      } else if (e.key === "Escape") {
        close();
      }
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("input[data-suggest]"), attach);
})();
