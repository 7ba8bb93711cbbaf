// A small Swift browser built on the UMD bundle (`window.OpenStack`): log in, pick a container,
// page through its objects, upload by drag and drop with progress, download and delete.
const { Connection } = window.OpenStack;

const PAGE_SIZE = 10;
// Files larger than this go up as a Static Large Object in parallel segments, with progress per segment.
const SEGMENT_SIZE = 8 * 1024 * 1024;

const $ = (selector) => document.querySelector(selector);

let conn;
let container;
/** Markers of the pages seen so far: page i starts after markers[i]. */
let markers = [undefined];
let page = 0;

// ---- login ----

const loginForm = $('#login');

loginForm.addEventListener('change', () => {
  const method = loginForm.elements.method.value;
  for (const div of loginForm.querySelectorAll('[data-method]')) div.hidden = div.dataset.method !== method;
});

loginForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const f = Object.fromEntries(new FormData(loginForm));
  const auth =
    f.method === 'applicationCredential'
      ? {
          type: 'applicationCredential',
          authUrl: f.authUrl,
          applicationCredentialId: f.applicationCredentialId,
          applicationCredentialSecret: f.applicationCredentialSecret,
        }
      : {
          type: 'password',
          authUrl: f.authUrl,
          username: f.username,
          password: f.password,
          userDomainName: f.domain,
          projectName: f.projectName,
          projectDomainName: f.domain,
        };
  await busy(loginForm, async () => {
    showError('#login-error');
    try {
      await startSession(new Connection({ auth }));
    } catch (e) {
      showError('#login-error', e);
    }
  });
});

// The session outlives a reload: the auth state (token, expiry, catalog: plain JSON) is kept in this
// tab's sessionStorage, and a reload lists containers without logging in again. A saved token that
// has expired or been revoked cannot be renewed without credentials: the login form comes back.
const SAVED = 'openstack-sdk-example/authState';

async function startSession(next) {
  const state = await next.auth.getAuthState();
  await loadContainers(next);
  conn = next;
  sessionStorage.setItem(SAVED, JSON.stringify(state));
  $('#whoami').textContent = `${state.user?.name ?? 'user'} · ${state.project?.name ?? 'no project'}`;
  $('#logout').hidden = false;
  $('#login-view').hidden = true;
  $('#store-view').hidden = false;
}

const saved = JSON.parse(sessionStorage.getItem(SAVED) ?? 'null');
if (saved)
  startSession(new Connection({ authState: saved })).catch((e) => {
    sessionStorage.removeItem(SAVED);
    loginForm.elements.authUrl.value = saved.authUrl ?? '';
    showError('#login-error', e);
  });

// Logging out revokes the token, so that a copy of it (or of the saved state) is useless.
$('#logout').addEventListener('click', async () => {
  sessionStorage.removeItem(SAVED);
  try {
    await conn.identity.revokeToken(await conn.auth.getToken());
  } finally {
    location.reload();
  }
});

// ---- containers ----

async function loadContainers(from = conn) {
  const items = [];
  for await (const c of from.objectStore.containers()) {
    const button = el(
      'button',
      { type: 'button', className: 'container' },
      c.name,
      el('small', {}, `${c.count} · ${formatBytes(c.bytes)}`),
    );
    button.addEventListener('click', () => openContainer(c.name));
    if (c.name === container) button.classList.add('active');
    items.push(el('li', {}, button));
  }
  $('#containers').replaceChildren(...items);
}

$('#new-container').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  const name = form.elements.name.value.trim();
  await busy(form, async () => {
    try {
      await conn.objectStore.createContainer({ name });
      form.reset();
      await openContainer(name);
    } catch (e) {
      showError('#store-error', e);
    }
  });
});

async function openContainer(name) {
  container = name;
  markers = [undefined];
  page = 0;
  $('#container-title').textContent = name;
  $('#dropzone').hidden = false;
  $('#objects').hidden = false;
  await Promise.all([loadContainers(), loadPage()]);
}

// ---- objects, one page at a time ----

async function loadPage() {
  showError('#store-error');
  try {
    const pages = conn.objectStore.objects(container, { marker: markers[page] }, { pageSize: PAGE_SIZE }).pages();
    const first = await pages[Symbol.asyncIterator]().next();
    const items = first.done ? [] : first.value;
    renderObjects(items);
    // A full page may have more after it; Swift pages by the last name seen.
    markers[page + 1] = items.length === PAGE_SIZE ? items[items.length - 1].name : undefined;
    $('#prev').disabled = page === 0;
    $('#next').disabled = markers[page + 1] === undefined;
    $('#page-info').textContent = `Page ${page + 1}`;
    $('.pager').hidden = page === 0 && markers[1] === undefined;
  } catch (e) {
    showError('#store-error', e);
  }
}

$('#prev').addEventListener('click', () => {
  page = Math.max(0, page - 1);
  loadPage();
});
$('#next').addEventListener('click', () => {
  page += 1;
  loadPage();
});

function renderObjects(items) {
  const body = $('#objects tbody');
  body.replaceChildren();
  if (!items.length) body.append(el('tr', {}, el('td', { colSpan: 4, className: 'empty' }, 'No objects yet: drop a file above.')));
  for (const o of items) {
    const download = el('button', { type: 'button' }, 'Download');
    const remove = el('button', { type: 'button', className: 'danger' }, 'Delete');
    download.addEventListener('click', () => downloadObject(o.name, download));
    remove.addEventListener('click', () => deleteObject(o.name, remove));
    body.append(
      el(
        'tr',
        { dataset: { name: o.name } },
        el('td', { className: 'name' }, o.name),
        el('td', { className: 'num' }, formatBytes(o.bytes)),
        el('td', {}, new Date(`${o.last_modified}Z`).toLocaleString()),
        el('td', { className: 'actions' }, download, remove),
      ),
    );
  }
}

async function downloadObject(name, button) {
  await busy(button, async () => {
    try {
      const blob = await conn.objectStore.downloadObjectAsBlob(container, name);
      const url = URL.createObjectURL(blob);
      el('a', { href: url, download: name.split('/').pop() }).click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      showError('#store-error', e);
    }
  });
}

async function deleteObject(name, button) {
  if (!confirm(`Delete ${name}?`)) return;
  await busy(button, async () => {
    try {
      await conn.objectStore.deleteObject(container, name);
      await Promise.all([loadPage(), loadContainers()]);
    } catch (e) {
      showError('#store-error', e);
    }
  });
}

// ---- uploads: drag and drop or the file picker ----

const dropzone = $('#dropzone');
dropzone.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropzone.classList.add('over');
});
dropzone.addEventListener('dragleave', () => dropzone.classList.remove('over'));
dropzone.addEventListener('drop', (event) => {
  event.preventDefault();
  dropzone.classList.remove('over');
  uploadFiles([...event.dataTransfer.files]);
});
$('#file-input').addEventListener('change', (event) => {
  uploadFiles([...event.target.files]);
  event.target.value = '';
});

async function uploadFiles(files) {
  await Promise.all(files.map((file) => uploadFile(file)));
  await Promise.all([loadPage(), loadContainers()]);
}

async function uploadFile(file) {
  const target = container;
  const controller = new AbortController();
  const bar = el('progress', { max: file.size || 1, value: 0 });
  const status = el('span', { className: 'status' }, 'starting…');
  const cancel = el('button', { type: 'button' }, 'Cancel');
  cancel.addEventListener('click', () => controller.abort());
  const row = el('li', { className: 'upload' }, el('span', { className: 'name' }, file.name), bar, status, cancel);
  $('#uploads').append(row);
  try {
    await conn.objectStore.uploadObject({
      container: target,
      name: file.name,
      data: file,
      contentType: file.type || undefined,
      segmentSize: SEGMENT_SIZE,
      concurrency: 4,
      signal: controller.signal,
      onProgress: ({ loaded, total }) => {
        bar.value = loaded;
        status.textContent = `${formatBytes(loaded)} of ${formatBytes(total ?? file.size)}`;
      },
    });
    row.classList.add('done');
    status.textContent = `uploaded ${formatBytes(file.size)}`;
    cancel.remove();
    setTimeout(() => row.remove(), 4000);
  } catch (e) {
    row.classList.add('failed');
    status.textContent = e.name === 'AbortError' ? 'cancelled' : `${e.name}: ${e.message}`;
    cancel.remove();
  }
}

// ---- helpers ----

function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  const { dataset, ...rest } = props;
  Object.assign(node, rest);
  Object.assign(node.dataset, dataset);
  node.append(...children);
  return node;
}

/** SDK errors have a name (UnauthorizedError, ConnectionError, ...) and a message that says what to check. */
function showError(selector, error) {
  $(selector).textContent = error ? `${error.name}: ${error.message}` : '';
}

async function busy(element, fn) {
  element.setAttribute('aria-busy', 'true');
  for (const b of element.matches('button') ? [element] : element.querySelectorAll('button')) b.disabled = true;
  try {
    await fn();
  } finally {
    element.removeAttribute('aria-busy');
    for (const b of element.matches('button') ? [element] : element.querySelectorAll('button')) b.disabled = false;
  }
}

function formatBytes(n) {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let i = -1;
  do {
    n /= 1024;
    i++;
  } while (n >= 1024 && i < units.length - 1);
  return `${n.toFixed(n < 10 ? 1 : 0)} ${units[i]}`;
}
