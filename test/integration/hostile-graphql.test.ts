import { startTestApp, type TestApp } from '../support/test-app';

// GraphQL documents made to be slow, sent without an account: each is refused from its text
// or its parsed shape before validation, the session lookup or execution, in time linear in
// its length, so the server goes on answering everyone else.

/** `fragment F0 on Query { ...F1 ...F1 }` … `levels` deep: about 1 kB at 24 levels, 2^levels fields expanded. */
function doubling(levels: number): string {
  const fragments = Array.from({ length: levels }, (_, index) => `fragment F${index} on Query{...F${index + 1} ...F${index + 1}}`);
  return `query{...F0} ${fragments.join(' ')} fragment F${levels} on Query{regions{code name}}`;
}

const HOSTILE: Record<string, { query: string; limit: string }> = {
  'doubling fragments, 24 levels': { query: doubling(24), limit: 'fields' },
  'doubling fragments, 30 levels': { query: doubling(30), limit: 'fields' },
  'deep nesting': { query: `{ ${'coordinators { items { enterprise { '.repeat(4)}id${' } } }'.repeat(4)} }`, limit: 'depth' },
  'many aliases': { query: `{ ${Array.from({ length: 100 }, (_, index) => `a${index}: regions { code }`).join(' ')} }`, limit: 'aliases' },
  'many directives': { query: `{ regions ${'@include(if: true) '.repeat(200)} { code } }`, limit: 'directives' },
  'repeated fields': { query: `{ regions { ${'code '.repeat(1500)} } }`, limit: 'fields' },
  'fragment cycle': { query: '{ ...A } fragment A on Query { regions { code } ...B } fragment B on Query { ...A }', limit: 'fragmentCycle' },
  'too many tokens': { query: `{ regions(parentCode: "220000") { ${'code '.repeat(3000)} } }`, limit: 'tokens' },
  'very long document': { query: `{ regions { code } } # ${'x'.repeat(100_000)}`, limit: 'documentSize' },
};

async function post(baseUrl: string, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: unknown } };
}

describe('hostile GraphQL documents', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(async () => t?.close());

  it.each(Object.entries(HOSTILE))('refuses %s with QUERY_LIMIT_EXCEEDED naming the limit', async (_name, { query, limit }) => {
    const { status, body } = await post(t.baseUrl, query);
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit });
    expect(body.errors?.[0].message).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses the doubling document before looking at the session: a bogus token changes nothing', async () => {
    const { status, body } = await post(t.baseUrl, doubling(24), { authorization: 'Bearer not-a-session' });
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'fields', actual: 3 * 2 ** 24, maximum: 500 });
  });

  it('still serves ordinary documents, fragments included', async () => {
    const { body } = await post(
      t.baseUrl,
      `query { ...Page } fragment Page on Query { coordinators(limit: 20) { total items { ...Person } } } fragment Person on Coordinator { id name }`,
      { authorization: `Bearer ${admin}` },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toMatchObject({ coordinators: { total: 0, items: [] } });
  });

  it('keeps /health and a list query answering within 500 ms while hostile documents keep coming', async () => {
    const probe = async (count: number): Promise<number[]> => {
      const latencies: number[] = [];
      for (let index = 0; index < count; index++) {
        const started = performance.now();
        const [health, list] = await Promise.all([
          fetch(`${t.baseUrl}/health`).then((response) => response.json()),
          post(t.baseUrl, '{ coordinators(limit: 20) { total items { id name } } }', { authorization: `Bearer ${admin}` }),
        ]);
        latencies.push(performance.now() - started);
        expect(health).toMatchObject({ status: 'ok' });
        expect(list.body.errors).toBeUndefined();
      }
      return latencies.sort((a, b) => a - b);
    };
    const quiet = await probe(20);

    const hostile = Object.values(HOSTILE).map((entry) => entry.query);
    let sending = true;
    let sent = 0;
    // a sender that sends the next hostile document as soon as the last one is answered
    const senders = Array.from({ length: 1 }, async (_, sender) => {
      for (let index = sender; sending; index++) {
        await post(t.baseUrl, hostile[index % hostile.length]);
        sent += 1;
      }
    });
    let loaded: number[];
    try {
      while (sent < 20) await new Promise((resolve) => setTimeout(resolve, 5));
      loaded = await probe(40);
    } finally {
      sending = false;
      await Promise.all(senders);
    }
    const figures = (latencies: number[]) =>
      `median ${latencies[Math.floor(latencies.length / 2)].toFixed(1)} ms, worst ${latencies[latencies.length - 1].toFixed(1)} ms`;
    console.log(`hostile GraphQL: /health + list query: quiet ${figures(quiet)}; with ${sent} hostile documents arriving ${figures(loaded)}`);
    // One doubling document at 24 levels used to hold the event loop for 3-8 s (30 levels: minutes),
    // so every probe waited seconds. On a machine so loaded that the quiet probes are slow
    // already, the bound follows them; the worst probe is printed above.
    const median = (latencies: number[]) => latencies[Math.floor(latencies.length / 2)];
    expect(median(loaded)).toBeLessThan(Math.max(500, 3 * median(quiet)));
  });
});
