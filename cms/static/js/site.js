// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";
    document.documentElement.classList.add("js");

    // Mobile menu toggle.
    document.addEventListener("click", function (event) {
        var toggle = event.target.closest(".main-nav__toggle");
        if (!toggle) return;
        var list = document.getElementById(toggle.getAttribute("aria-controls"));
        var open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        list.classList.toggle("is-open", open);
    });

    // Click-to-load video: the player's iframe is created only when the visitor asks.
    document.addEventListener("click", function (event) {
        var button = event.target.closest(".video__play");
        if (!button) return;
        var frame = button.closest(".video__frame");
        var iframe = document.createElement("iframe");
        iframe.src = frame.dataset.embedUrl;
        iframe.title = frame.dataset.embedTitle;
        iframe.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
        iframe.setAttribute("allowfullscreen", "");
        iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
        frame.replaceChildren(iframe);
        iframe.focus();
    });
})();
