// The console's only script: confirmation before actions, and pages that refresh themselves.
'use strict';

// Forms that act (retry, compensate, start a tag job) carry data-confirm; nothing is sent unless confirmed.
document.addEventListener('submit', (event) => {
  const message = event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});

// An element with data-refresh="N" is re-read from the server every N seconds: the page is fetched again and
// only that element's content is swapped, so filters being typed and the scroll position survive.
function refreshEvery(element) {
  const seconds = Number(element.dataset.refresh) || 5;
  const stamp = document.getElementById('refreshed-at');
  const toggle = document.getElementById('auto-refresh');
  setInterval(async () => {
    if (document.hidden || (toggle && !toggle.checked)) {
      return;
    }
    try {
      const response = await fetch(window.location.href, { credentials: 'same-origin', redirect: 'manual' });
      if (response.type === 'opaqueredirect' || !response.ok) {
        return; // signed out or expired: the next navigation shows the sign-in page
      }
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const fresh = page.getElementById(element.id);
      if (fresh) {
        if (fresh.innerHTML !== element.innerHTML) {
          element.innerHTML = fresh.innerHTML; // only on change: no flicker, selections survive
        }
        if (stamp) {
          stamp.textContent = 'updated ' + new Date().toLocaleTimeString();
        }
      }
    } catch (e) {
      // the server is restarting or the network is gone: try again next time
    }
  }, seconds * 1000);
}

document.querySelectorAll('[data-refresh]').forEach(refreshEvery);
