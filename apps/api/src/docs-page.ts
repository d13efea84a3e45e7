/**
 * `/docs`: the OpenAPI document as one self-contained HTML page (no script, no CDN, no
 * third-party host): each operation with its parameters, body and responses, each problem
 * type, then every schema. Rendered once at start-up.
 */
type Json = Record<string, unknown>;

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function schemaLink(schema: unknown): string {
  if (!schema || typeof schema !== 'object') return '';
  const s = schema as Json;
  if (typeof s.$ref === 'string') {
    const name = s.$ref.split('/').pop() ?? '';
    return `<a href="#schema-${esc(name)}"><code>${esc(name)}</code></a>`;
  }
  for (const key of ['oneOf', 'anyOf']) {
    if (Array.isArray(s[key])) return (s[key] as unknown[]).map(schemaLink).join(' or ');
  }
  return `<code>${esc(s.type ?? 'any')}</code>`;
}

function content(c: unknown): string {
  if (!c || typeof c !== 'object') return '';
  return Object.entries(c as Record<string, Json>)
    .map(([type, v]) => `<code>${esc(type)}</code> ${schemaLink(v.schema)}`)
    .join('; ');
}

function operation(path: string, method: string, op: Json): string {
  const params = ((op.parameters as Json[] | undefined) ?? []).map((p) => `<li><code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ', required' : ''}): ${esc(p.description ?? '')}</li>`).join('');
  const body = op.requestBody ? `<p><b>Body</b>: ${content((op.requestBody as Json).content)}</p>` : '';
  const responses = Object.entries((op.responses as Record<string, Json>) ?? {})
    .map(([status, r]) => `<li><b>${esc(status)}</b> ${esc(r.description ?? '')} ${content(r.content)}</li>`)
    .join('');
  const id = `op-${esc(op.operationId ?? `${method}-${path}`)}`;
  return `<section id="${id}"><h3><span class="m">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
<p>${esc(op.summary ?? '')}</p>${op.description ? `<p>${esc(op.description)}</p>` : ''}
${params ? `<p><b>Parameters</b></p><ul>${params}</ul>` : ''}${body}<p><b>Responses</b></p><ul>${responses}</ul></section>`;
}

/** The info description's problem list, with an anchor per problem type (their `type` links here). */
function problems(description: string): string {
  const rows = description
    .split('\n')
    .map((line) => /^- `\/docs#(problem-[a-z-]+)` \((\d+)\): (.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `<tr id="${esc(m[1])}"><td><code>/docs#${esc(m[1])}</code></td><td>${esc(m[2])}</td><td>${esc(m[3])}</td></tr>`)
    .join('');
  return `<table><tr><th>type</th><th>status</th><th>title (vi / en)</th></tr>${rows}</table>`;
}

export function renderDocsPage(doc: Json): string {
  const info = doc.info as Json;
  const description = String(info.description ?? '');
  const intro = description.split('\n\nErrors are')[0] ?? '';
  const ops = Object.entries(doc.paths as Record<string, Record<string, Json>>)
    .flatMap(([path, item]) => Object.entries(item).map(([method, op]) => operation(path, method, op)))
    .join('\n');
  const schemas = Object.entries((doc.components as Json).schemas as Record<string, unknown>)
    .map(([name, s]) => `<section id="schema-${esc(name)}"><h3>${esc(name)}</h3><details><summary>JSON Schema</summary><pre>${esc(JSON.stringify(s, null, 2))}</pre></details></section>`)
    .join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info.title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
code,pre{font:13px ui-monospace,monospace}pre{background:#f5f5f5;padding:.75rem;overflow:auto}
.m{display:inline-block;min-width:3.5rem;font-weight:bold}section{border-top:1px solid #ddd;margin-top:1rem}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25rem .5rem;text-align:left}</style></head>
<body><h1>${esc(info.title)} <small>${esc(info.version)}</small></h1>
<p>${esc(intro).replace(/\n/g, '<br>')}</p>
<p>Machine-readable: <a href="/openapi.json"><code>/openapi.json</code></a> (OpenAPI ${esc(doc.openapi)}).</p>
<h2>Endpoints</h2>
${ops}
<h2 id="problems">Problems (RFC 9457)</h2>
${problems(description)}
<h2>Schemas</h2>
${schemas}
</body></html>`;
}
