/*
 * Workaround: accessible names Wagtail's editor leaves out (WCAG 4.1.2, axe "aria-input-field-name",
 * "scrollable-region-focusable").
 *
 * - Draftail rich-text fields render a role="textbox" with no name: inside a StreamField block
 *   nothing points at the block's label, and a field's <label for> points at a hidden input.
 *   Each such textbox gets aria-labelledby = its field's label, or its block's type label.
 *   Upstream: wagtail/wagtail client/src/components/Draftail (DraftailRichTextArea).
 * - The minimap's scrollable list cannot be reached with the keyboard: it becomes focusable.
 *   Upstream: wagtail/wagtail client/src/components/Minimap.
 * - The tag field's text input (jQuery UI tag-it) has no label: it gets its field's label.
 *   Upstream: wagtail/wagtail wagtail/admin/widgets/tags.py (AdminTagWidget).
 * - The avatars of other people editing the page are buttons whose name is in a hidden
 *   tooltip: each gets that text as its aria-label.
 *   Upstream: wagtail/wagtail wagtailadmin/shared/editing_sessions/list.html.
 *
 * Loaded on every admin page by cms/wagtail_hooks.py; remove each part when Wagtail fixes it.
 */
(function () {
  'use strict';
  var counter = 0;

  function ensureId(element) {
    if (!element.id) {
      counter += 1;
      element.id = 'cms-a11y-label-' + counter;
    }
    return element.id;
  }

  function labelFor(textbox) {
    // The field's own label, else its StreamField block's type, else its panel's heading.
    var wrapper = textbox.closest('.w-field__wrapper');
    var label = wrapper && wrapper.querySelector(':scope > label.w-field__label');
    if (label && label.textContent.trim()) {
      return label;
    }
    var panel = textbox.closest('[data-streamfield-child], section.w-panel');
    var blockType = panel && panel.querySelector('.c-sf-block__type');
    if (blockType && blockType.textContent.trim()) {
      return blockType;
    }
    var section = textbox.closest('section.w-panel');
    var heading = section && section.querySelector('[data-panel-heading]');
    return heading && heading.textContent.trim() ? heading : null;
  }

  function nameTextboxes(root) {
    root.querySelectorAll('[role="textbox"][contenteditable="true"]').forEach(function (textbox) {
      if (textbox.hasAttribute('aria-label') || textbox.hasAttribute('aria-labelledby')) {
        return;
      }
      var label = labelFor(textbox);
      if (label) {
        textbox.setAttribute('aria-labelledby', ensureId(label));
      }
    });
    root.querySelectorAll('.w-minimap__list:not([tabindex])').forEach(function (list) {
      list.setAttribute('tabindex', '0');
    });
    root.querySelectorAll('input.ui-autocomplete-input:not([aria-label]):not([aria-labelledby])').forEach(function (input) {
      var label = labelFor(input);
      if (label) {
        input.setAttribute('aria-labelledby', ensureId(label));
      }
    });
    root.querySelectorAll('.w-editing-sessions__session:not([aria-label])').forEach(function (button) {
      // The tooltip controller moves the popup into its tippy instance.
      var popup = button.querySelector('.w-editing-sessions__popup') || (button._tippy && button._tippy.props.content);
      if (popup && popup.textContent) {
        button.setAttribute('aria-label', popup.textContent.replace(/\s+/g, ' ').trim());
      }
    });
  }

  function start() {
    nameTextboxes(document);
    new MutationObserver(function () {
      nameTextboxes(document);
    }).observe(document.body, { childList: true, subtree: true });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
