// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";
    document.documentElement.classList.add("js");

    // Header toggles (main menu, search on a phone): each opens what its aria-controls names.
    document.addEventListener("click", function (event) {
        var toggle = event.target.closest("[data-toggle]");
        if (!toggle) return;
        var target = document.getElementById(toggle.getAttribute("aria-controls"));
        var open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", String(open));
        target.classList.toggle("is-open", open);
        if (open && toggle.dataset.toggle === "search") {
            var input = target.querySelector("input[type=search]");
            if (input) input.focus();
        }
    });

    // Filter drawers (includes/facets.html) are closed in the HTML so that a phone shows the
    // results first; where the filters fit beside the results as a column, they start open.
    if (window.matchMedia("(min-width: 60rem)").matches) {
        document.querySelectorAll("details.filters-drawer").forEach(function (drawer) {
            drawer.open = true;
        });
    }

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
        frame.placeholder = Array.prototype.slice.call(frame.childNodes);
        frame.replaceChildren(iframe);
        iframe.focus();
    });

    // A material's player area: CSS shows the version the address names (#ar); this marks the
    // chooser's link of the version shown and stops a video whose version was hidden.
    function showMaterialVersion() {
        var player = document.querySelector(".material-player");
        if (!player) return;
        var versions = player.querySelectorAll(".material-version");
        var wanted = decodeURIComponent(window.location.hash.slice(1));
        var shown = versions[0];
        versions.forEach(function (version) {
            if (version.id === wanted) shown = version;
        });
        player.querySelectorAll(".version-chooser a").forEach(function (link) {
            if (link.getAttribute("href") === "#" + (shown && shown.id)) {
                link.setAttribute("aria-current", "true");
            } else {
                link.removeAttribute("aria-current");
            }
        });
        versions.forEach(function (version) {
            if (version === shown) return;
            version.querySelectorAll(".video__frame").forEach(function (frame) {
                if (frame.placeholder) {
                    frame.replaceChildren.apply(frame, frame.placeholder);
                    frame.placeholder = null;
                }
            });
            version.querySelectorAll("video, audio").forEach(function (media) {
                media.pause();
            });
        });
    }
    window.addEventListener("hashchange", showMaterialVersion);
    document.addEventListener("DOMContentLoaded", showMaterialVersion);
})();
