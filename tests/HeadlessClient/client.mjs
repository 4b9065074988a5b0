// A minimal headless client for the site, written the way Umbraco's documentation shows a front end talking to the
// Content Delivery API, the Media Delivery API and member authentication (authorization code + PKCE). Plain Node 18+
// (global fetch, node:crypto), no packages. It prints one line per check and stops with exit code 1 at the first
// mismatch.
//
//   node tests/HeadlessClient/client.mjs <baseUrl> --page=<path> --children=<path> --protected=<path>
//        --email=<member email> --password=<member password> --redirect=<loopback redirect uri>
//        [--culture=en-us] [--start-item=home] [--login-path=/en/member/login]
//
// --page: a page whose properties include a media picker (`image`); --children: a page with at least two children;
// --protected: a page only the member's group may read. The member signs in on the site's own page, driven here with
// plain HTTP (the form, its antiforgery token and cookies), and the code is taken from the redirect to the loopback
// address without listening on it.

import { createHash, randomBytes } from 'node:crypto';

if (typeof fetch !== 'function') fail(`Node 18 or later is needed (global fetch); this is ${process.version}`);

const args = Object.fromEntries(process.argv.slice(3).map((a) => {
  const match = /^--([^=]+)=(.*)$/s.exec(a);
  if (!match) fail(`argument not understood: ${a}`);
  return [match[1], match[2]];
}));
const base = (process.argv[2] ?? '').replace(/\/$/, '');
for (const name of ['page', 'children', 'protected', 'email', 'password', 'redirect']) {
  if (!base || !args[name]) fail(`usage: node client.mjs <baseUrl> --page= --children= --protected= --email= --password= --redirect= (missing ${base ? '--' + name : 'baseUrl'})`);
}
const culture = args.culture ?? 'en-us';
const startItem = args['start-item'] ?? 'home';
const delivery = `${base}/umbraco/delivery/api/v2`;
const trim = (path) => path.replace(/^\/+|\/+$/g, '');

function fail(message) {
  console.error(`FAIL ${message}`);
  process.exit(1);
}

function ok(message) {
  console.log(`ok   ${message}`);
}

function check(condition, message, detail) {
  if (!condition) fail(detail === undefined ? message : `${message}: ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`);
}

async function getJson(url, headers = {}, expected = 200) {
  const response = await fetch(url, { headers: { Accept: 'application/json', ...headers }, redirect: 'manual' });
  const text = await response.text();
  check(response.status === expected, `GET ${url} answered ${response.status}, expected ${expected}`, text.slice(0, 500));
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return fail(`GET ${url} did not answer JSON: ${text.slice(0, 200)}`);
  }
}

const isGuid = (v) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
const isDate = (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** The content item shape Umbraco's documentation shows (IApiContentResponse). */
function checkContentShape(item, what) {
  check(isGuid(item?.id), `${what}: id is a GUID`, item?.id);
  check(typeof item.contentType === 'string' && item.contentType.length > 0, `${what}: contentType`, item.contentType);
  check(typeof item.name === 'string' && item.name.length > 0, `${what}: name`, item.name);
  check(isDate(item.createDate) && isDate(item.updateDate), `${what}: createDate and updateDate are dates`, [item.createDate, item.updateDate]);
  check(typeof item.route?.path === 'string' && item.route.path.startsWith('/'), `${what}: route.path`, item.route);
  check(isGuid(item.route.startItem?.id) && typeof item.route.startItem?.path === 'string', `${what}: route.startItem { id, path }`, item.route);
  check(item.properties && typeof item.properties === 'object' && !Array.isArray(item.properties), `${what}: properties is an object`, item.properties);
  check(item.cultures && typeof item.cultures === 'object', `${what}: cultures is an object`, item.cultures);
}

const languageHeaders = { 'Accept-Language': culture, 'Start-Item': startItem };

// 1. A page by its route, with the language and the start item as headers.
const page = await getJson(`${delivery}/content/item/${trim(args.page)}`, languageHeaders);
checkContentShape(page, 'page');
check(page.route.startItem.path === startItem, 'page: route.startItem.path is the Start-Item', page.route.startItem);
// route.path is what a front end routes on: the site's own path, language prefix included (e.g. /en/news/…/).
check(trim(page.route.path).endsWith(trim(args.page)), 'page: route.path ends with the path asked for', page.route.path);
check(Object.keys(page.cultures).some((c) => c.toLowerCase() === culture), `page: cultures has ${culture}`, page.cultures);
ok(`page by route: ${page.route.path} "${page.name}" (${page.contentType}), start item ${page.route.startItem.path}`);
const byId = await getJson(`${delivery}/content/item/${page.id}`, { 'Accept-Language': culture });
check(byId.id === page.id && byId.name === page.name, 'the same page by id', byId);
ok(`the same page by id ${page.id}`);

// 2. Its parent's children, sorted and paged.
const childrenPath = trim(args.children);
const list = (skip, take) => getJson(`${delivery}/content?fetch=children:/${childrenPath}&sort=createDate:asc&skip=${skip}&take=${take}`, languageHeaders);
const all = await list(0, 100);
check(Number.isInteger(all.total) && Array.isArray(all.items), 'children: { total, items }', all);
check(all.total >= 2 && all.items.length === all.total, `children of ${childrenPath}: at least two, all in one page of 100`, all.total);
all.items.forEach((item, i) => checkContentShape(item, `child ${i}`));
const created = all.items.map((item) => Date.parse(item.createDate));
check(created.every((t, i) => i === 0 || created[i - 1] <= t), 'children sorted by createDate ascending', all.items.map((i) => i.createDate));
check(all.items.every((item) => item.route.path.includes(`/${childrenPath}/`)), `every child's route is under /${childrenPath}/`, all.items.map((i) => i.route.path));
ok(`children of /${childrenPath}/: ${all.total}, sorted by createDate`);
const paged = [];
for (let skip = 0; skip < all.total; skip += 1) {
  const one = await list(skip, 1);
  check(one.total === all.total && one.items.length === 1, `page skip=${skip}&take=1: total ${all.total} and one item`, one);
  paged.push(one.items[0].id);
}
check(JSON.stringify(paged) === JSON.stringify(all.items.map((i) => i.id)), 'paging one by one gives the same items in the same order', paged);
const beyond = await list(all.total, 10);
check(beyond.total === all.total && beyond.items.length === 0, 'a page past the end is empty', beyond);
ok(`paging: ${all.total} pages of one, the same order; past the end empty`);

// 3. A protected page: refused without a token; read with a member's token from the PKCE flow.
const protectedUrl = `${delivery}/content/item/${trim(args.protected)}`;
const refused = await fetch(protectedUrl, { headers: { 'Accept-Language': culture } });
check(refused.status === 401 || refused.status === 403, `protected page without a token: ${refused.status}, expected 401 or 403`);
ok(`protected page without a token: ${refused.status}`);

const discovery = await getJson(`${base}/.well-known/openid-configuration`);
check(typeof discovery.authorization_endpoint === 'string' && typeof discovery.token_endpoint === 'string', 'discovery names the endpoints', discovery);
check(discovery.code_challenge_methods_supported?.includes('S256'), 'discovery offers PKCE S256', discovery.code_challenge_methods_supported);
ok(`discovery: ${new URL(discovery.authorization_endpoint).pathname}, ${new URL(discovery.token_endpoint).pathname}`);

const base64Url = (buffer) => buffer.toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const verifier = base64Url(randomBytes(32));
const challenge = base64Url(createHash('sha256').update(verifier).digest());
const state = base64Url(randomBytes(12));
const authorizeUrl = new URL(discovery.authorization_endpoint);
authorizeUrl.search = new URLSearchParams({
  client_id: 'umbraco-member',
  response_type: 'code',
  redirect_uri: args.redirect,
  scope: 'openid offline_access',
  state,
  code_challenge: challenge,
  code_challenge_method: 'S256',
  // OpenID Connect's standard hint: the sign-in page in the language the app shows.
  ui_locales: culture,
}).toString();

// A browser of our own: cookies kept per name, redirects looked at one by one.
const cookies = new Map();
async function browse(url, init = {}) {
  const headers = { ...(init.headers ?? {}) };
  if (cookies.size > 0) headers.Cookie = [...cookies].map(([n, v]) => `${n}=${v}`).join('; ');
  const response = await fetch(url, { ...init, headers, redirect: 'manual' });
  // getSetCookie is in every Node 18.14+; before it, the joined header is split where a new cookie starts.
  const setCookies = response.headers.getSetCookie?.() ?? (response.headers.get('set-cookie') ?? '').split(/,(?=\s*[^;=\s]+=)/).filter(Boolean);
  for (const cookie of setCookies) {
    const [pair] = cookie.split(';');
    const at = pair.indexOf('=');
    cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return response;
}

const decode = (s) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#x2F;/gi, '/').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCharCode(parseInt(n, 16))).replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const attribute = (tag, name) => {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return match ? decode(match[2] ?? match[3]) : undefined;
};

let response = await browse(authorizeUrl);
check(response.status === 302, `authorize answered ${response.status}, expected a redirect to the sign-in page`, await response.text());
let location = response.headers.get('location');
const loginPath = args['login-path'] ?? '/en/member/login';
check(new URL(location, base).pathname === loginPath, `authorize sends the member to ${loginPath}`, location);
const loginUrl = new URL(location, base);
response = await browse(loginUrl);
const html = await response.text();
check(response.status === 200, `the sign-in page answered ${response.status}`);
const forms = [...html.matchAll(/<form\b[^>]*>[\s\S]*?<\/form>/gi)].map((m) => m[0]);
const form = forms.find((f) => /name\s*=\s*["']Password["']/i.test(f));
check(form !== undefined, 'the sign-in page has a form with a Password field', html.slice(0, 300));
const fields = new URLSearchParams();
for (const input of form.match(/<input\b[^>]*>/gi) ?? []) {
  if ((attribute(input, 'type') ?? '').toLowerCase() === 'hidden' && attribute(input, 'name')) {
    fields.set(attribute(input, 'name'), attribute(input, 'value') ?? '');
  }
}
check(fields.has('__RequestVerificationToken'), 'the form carries an antiforgery token', [...fields.keys()]);
fields.set('Email', args.email);
fields.set('Password', args.password);
const action = new URL(attribute(form.match(/<form\b[^>]*>/i)[0], 'action') || loginUrl.href, loginUrl);
response = await browse(action, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: fields.toString() });
check(response.status === 302 || response.status === 303, `signing in answered ${response.status}, expected a redirect back to authorize`, (await response.text()).slice(0, 300));
location = new URL(response.headers.get('location'), base);
check(location.pathname === authorizeUrl.pathname, 'signed in, back to authorize', location.href);
ok(`signed in on ${loginPath} as ${args.email} (form, antiforgery token, cookies)`);

response = await browse(location);
check(response.status === 302, `authorize after sign-in answered ${response.status}, expected a redirect to the app`, await response.text());
const callback = new URL(response.headers.get('location'));
check(callback.href.startsWith(args.redirect + '?'), `the code goes to ${args.redirect}`, callback.href);
check(callback.searchParams.get('state') === state, 'the state comes back unchanged', callback.searchParams.get('state'));
const code = callback.searchParams.get('code');
check(code, 'the redirect carries a code', callback.href);
ok(`authorization code received at ${callback.origin}${callback.pathname}`);

const tokenResponse = await fetch(discovery.token_endpoint, {
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
  body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'umbraco-member', code, code_verifier: verifier, redirect_uri: args.redirect }).toString(),
});
const tokens = await tokenResponse.json();
check(tokenResponse.status === 200 && tokens.token_type === 'Bearer' && tokens.access_token, `token exchange answered ${tokenResponse.status}`, tokens);
check(typeof tokens.refresh_token === 'string', 'offline_access gave a refresh token', Object.keys(tokens));
ok(`tokens: access (${tokens.expires_in} s), refresh, id`);

const secret = await getJson(protectedUrl, { 'Accept-Language': culture, Authorization: `Bearer ${tokens.access_token}` });
checkContentShape(secret, 'protected page');
ok(`protected page with the member's token: "${secret.name}"`);
if (secret.route.path.includes(`/${childrenPath}/`)) {
  // Listings leave protected pages out unless the member may read them, as in Umbraco.
  check(!all.items.some((item) => item.id === secret.id), 'the protected page is not in the anonymous listing', all.items.map((i) => i.name));
  const mine = await getJson(`${delivery}/content?fetch=children:/${childrenPath}&sort=createDate:asc&skip=0&take=100`, { ...languageHeaders, Authorization: `Bearer ${tokens.access_token}` });
  check(mine.items.some((item) => item.id === secret.id), "the protected page is in the member's listing", mine.items.map((i) => i.name));
  ok(`listing /${childrenPath}/: ${all.total} anonymously, ${mine.total} with the member's token`);
}
const stillRefused = await fetch(protectedUrl, { headers: { 'Accept-Language': culture, Authorization: 'Bearer not-a-token' } });
check(stillRefused.status === 401 || stillRefused.status === 403, `protected page with a made-up token: ${stillRefused.status}, expected 401 or 403`);
ok(`protected page with a made-up token: ${stillRefused.status}`);

// 4. Media: the page's media picker, the media item with its crops, and the image itself.
const picks = page.properties.image;
check(Array.isArray(picks) && picks.length > 0, 'page: properties.image is a list of picked media', picks);
const pick = picks[0];
check(isGuid(pick.id) && typeof pick.url === 'string' && typeof pick.mediaType === 'string', 'picked media: id, url, mediaType', pick);
ok(`picked media on the page: ${pick.name} ${pick.url}`);
const media = await getJson(`${delivery}/media/item/${pick.id}`);
check(media.id === pick.id && media.url === pick.url, 'the media item by id is the picked one', media);
check(Number.isInteger(media.width) && Number.isInteger(media.height) && media.width > 0 && media.height > 0, 'media: width and height', media);
check(typeof media.focalPoint?.left === 'number' && typeof media.focalPoint?.top === 'number', 'media: focalPoint { left, top }', media.focalPoint);
check(Array.isArray(media.crops) && media.crops.length > 0, 'media: crops', media.crops);
for (const crop of media.crops) {
  check(typeof crop.alias === 'string' && Number.isInteger(crop.width) && Number.isInteger(crop.height), 'crop: alias, width, height', crop);
  const c = crop.coordinates;
  check(c === null || ['x1', 'y1', 'x2', 'y2'].every((k) => typeof c[k] === 'number' && c[k] >= 0 && c[k] < 1), 'crop: coordinates are fractions cut from each edge', crop);
}
ok(`media item: ${media.width}x${media.height}, focal point ${media.focalPoint.left},${media.focalPoint.top}, crops ${media.crops.map((c) => `${c.alias} ${c.width}x${c.height}`).join(', ')}`);

/** Fetches an image and returns its pixel size from the file's own header (JPEG, PNG or WebP). */
async function fetchImage(url) {
  const r = await fetch(url, { redirect: 'follow' });
  const bytes = Buffer.from(await r.arrayBuffer());
  check(r.status === 200, `GET ${url} answered ${r.status}`);
  check((r.headers.get('content-type') ?? '').startsWith('image/'), `GET ${url} is an image`, r.headers.get('content-type'));
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    for (let i = 2; i + 9 < bytes.length;) {
      if (bytes[i] !== 0xff) { i += 1; continue; }
      const marker = bytes[i + 1];
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { type: 'jpeg', width: bytes.readUInt16BE(i + 7), height: bytes.readUInt16BE(i + 5) };
      }
      i += 2 + bytes.readUInt16BE(i + 2);
    }
  }
  if (bytes.subarray(1, 4).toString('latin1') === 'PNG') return { type: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes.subarray(8, 12).toString('latin1') === 'WEBP') return { type: 'webp' };
  return fail(`GET ${url}: not a JPEG, PNG or WebP file`);
}

const original = await fetchImage(new URL(media.url, base));
check(original.width === media.width && original.height === media.height, 'the original has the reported size', original);
ok(`original image: ${original.type} ${original.width}x${original.height}`);
// As Umbraco's front ends ask for a size (ImageSharp's query): the site redirects to the nearest rendition it offers,
// at least as wide as asked and of the asked shape.
const asked = media.crops[0];
const queried = await fetchImage(new URL(`${media.url}?width=${asked.width}&height=${asked.height}&rxy=${media.focalPoint.left},${media.focalPoint.top}`, base));
check(queried.width >= asked.width && Math.abs(queried.width / queried.height - asked.width / asked.height) < 0.02,
  `an ImageSharp-style query for ${asked.width}x${asked.height} gives an image of that shape, at least as wide`, queried);
ok(`image with an ImageSharp-style query (?width&height&rxy): ${queried.type} ${queried.width}x${queried.height}`);
// Each crop at /media/{id}/{hash}/{w}x{h}/{file}, beside the original (README "Delivery API").
for (const crop of media.crops) {
  const at = media.url.lastIndexOf('/');
  const rendition = await fetchImage(new URL(`${media.url.slice(0, at)}/${crop.width}x${crop.height}${media.url.slice(at)}`, base));
  const expected = crop.width <= media.width && crop.height <= media.height;
  check(!expected || (rendition.width === crop.width && rendition.height === crop.height), `crop ${crop.alias}: the rendition is ${crop.width}x${crop.height}`, rendition);
  ok(`crop ${crop.alias}: ${rendition.type} ${rendition.width}x${rendition.height}`);
}

console.log('all checks passed');
