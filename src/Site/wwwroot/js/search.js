// Suggestions as you type, for every search box with data-suggest-url. Progressive enhancement: without this
// script the boxes are plain GET forms and work the same. The ARIA 1.2 combobox pattern: the input owns a listbox
// of links; arrow keys move through it, Enter opens the chosen page, Escape closes it. Our own code, same origin.
(function () {
    'use strict';

    var DELAY_MS = 150;
    var MIN_LENGTH = 1;
    var counter = 0;

    function enhance(input) {
        var url = input.getAttribute('data-suggest-url');
        var culture = input.getAttribute('data-culture') || '';
        if (!url || !window.fetch || !window.AbortController) {
            return;
        }

        counter += 1;
        var listId = 'search-suggestions-' + counter;
        var list = document.createElement('ul');
        list.id = listId;
        list.className = 'search-suggestions';
        list.setAttribute('role', 'listbox');
        list.setAttribute('aria-label', input.getAttribute('data-suggest-label') || 'Suggestions');
        list.hidden = true;
        input.parentNode.insertBefore(list, input.nextSibling);
        if (input.parentNode && window.getComputedStyle(input.parentNode).position === 'static') {
            input.parentNode.style.position = 'relative';
        }

        input.setAttribute('role', 'combobox');
        input.setAttribute('aria-autocomplete', 'list');
        input.setAttribute('aria-expanded', 'false');
        input.setAttribute('aria-controls', listId);

        var timer = 0;
        var controller = null;
        var active = -1;
        var items = [];

        function close() {
            list.hidden = true;
            list.textContent = '';
            items = [];
            active = -1;
            input.setAttribute('aria-expanded', 'false');
            input.removeAttribute('aria-activedescendant');
        }

        function setActive(index) {
            if (items.length === 0) {
                return;
            }

            active = (index + items.length) % items.length;
            items.forEach(function (item, i) {
                item.setAttribute('aria-selected', i === active ? 'true' : 'false');
            });
            input.setAttribute('aria-activedescendant', items[active].id);
        }

        function render(suggestions) {
            close();
            if (suggestions.length === 0) {
                return;
            }

            suggestions.forEach(function (s, i) {
                var item = document.createElement('li');
                item.id = listId + '-' + i;
                item.setAttribute('role', 'option');
                item.setAttribute('aria-selected', 'false');
                var link = document.createElement('a');
                link.href = s.url;
                link.tabIndex = -1;
                link.textContent = s.name;
                if (s.culture && s.culture.toLowerCase() !== culture.toLowerCase()) {
                    link.lang = s.culture;
                }

                item.appendChild(link);
                item.addEventListener('mousedown', function (event) {
                    event.preventDefault();
                    window.location.href = s.url;
                });
                list.appendChild(item);
                items.push(item);
            });
            list.hidden = false;
            input.setAttribute('aria-expanded', 'true');
        }

        function fetchSuggestions() {
            var text = input.value;
            if (text.trim().length < MIN_LENGTH) {
                close();
                return;
            }

            if (controller) {
                controller.abort();
            }

            controller = new AbortController();
            var address = url + '?q=' + encodeURIComponent(text) + '&culture=' + encodeURIComponent(culture);
            fetch(address, { signal: controller.signal, headers: { Accept: 'application/json' } })
                .then(function (response) { return response.ok ? response.json() : { items: [] }; })
                .then(function (body) { render(body.items || []); })
                .catch(function () { /* aborted or offline: the form still works */ });
        }

        input.addEventListener('input', function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(fetchSuggestions, DELAY_MS);
        });

        input.addEventListener('keydown', function (event) {
            if (event.key === 'ArrowDown' && items.length > 0) {
                event.preventDefault();
                setActive(active + 1);
            } else if (event.key === 'ArrowUp' && items.length > 0) {
                event.preventDefault();
                setActive(active - 1);
            } else if (event.key === 'Escape') {
                close();
            } else if (event.key === 'Enter' && active >= 0 && items[active]) {
                event.preventDefault();
                window.location.href = items[active].querySelector('a').href;
            }
        });

        input.addEventListener('blur', function () {
            window.setTimeout(close, 100);
        });
    }

    function start() {
        Array.prototype.forEach.call(document.querySelectorAll('input[data-suggest-url]'), enhance);
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}());
