/*
 * Workaround: wagtail-localize's translation editor (a React bundle) in Finnish and Swedish,
 * and accessible.
 *
 * - Its heading "<source> to <target> translation" is an untranslatable template literal in
 *   the bundle; it is rewritten with the project's translation, given by the <script> tag's
 *   data-title-template ("%(source)s", "%(target)s").
 * - The screen-reader text of its footer's dropdown toggle, "More actions", is hard-coded in
 *   English: it gets Wagtail's translation, given by data-more-actions.
 * - Its PO-file upload input has no label (axe "label"): it gets the aria-label given by
 *   data-upload-label.
 * Upstream: wagtail/wagtail-localize client/src/editor/components/TranslationEditor.
 * Loaded on every admin page by cms/wagtail_hooks.py; remove when upstream translates them.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  var template = script.dataset.titleTemplate;
  var uploadLabel = script.dataset.uploadLabel;
  var moreActions = script.dataset.moreActions;
  var pattern = /^(.+) to (.+) translation$/;

  function fix(root) {
    root.querySelectorAll('h1, h2, h3').forEach(function (heading) {
      if (heading.children.length) {
        return;
      }
      var match = pattern.exec(heading.textContent.trim());
      if (match) {
        heading.textContent = template.replace('%(source)s', match[1]).replace('%(target)s', match[2]);
      }
    });
    root.querySelectorAll('.w-dropdown__toggle > .w-sr-only').forEach(function (text) {
      if (text.textContent === 'More actions') {
        text.textContent = moreActions;
      }
    });
    root.querySelectorAll('form[action*="/pofile/upload/"] input[type="file"]:not([aria-label])').forEach(function (input) {
      input.setAttribute('aria-label', uploadLabel);
    });
  }

  function start() {
    fix(document);
    new MutationObserver(function () {
      fix(document);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
