import { describe, expect, it } from 'vitest';
import { createSearchGapCounter } from '../../electron/core/fleet/searchGapCounter';
import { Heartbeat, MAX_SEARCH_GAPS } from '../../shared/api/fleet';

describe('search gap counter', () => {
  it('counts the same normalised query and outcome together, and keeps outcomes apart', () => {
    const counter = createSearchGapCounter();
    expect(counter.count('Làm giấy khai sinh cho con', 'noResult')).toBe(true);
    counter.count('  làm GIẤY khai sinh cho con? ', 'noResult');
    counter.count('làm giấy khai sinh cho con', 'openedNothing');
    expect(counter.pending()).toEqual([
      { query: 'làm giấy khai sinh cho con', outcome: 'noResult', count: 2 },
      { query: 'làm giấy khai sinh cho con', outcome: 'openedNothing', count: 1 },
    ]);
  });

  it('drops a query holding a person\'s data and never keeps it', () => {
    const counter = createSearchGapCounter();
    expect(counter.count('căn cước 001203004567', 'noResult')).toBe(false);
    expect(counter.count('Nguyễn Văn An', 'openedNothing')).toBe(false);
    expect(counter.count('0912 345 678', 'noResult')).toBe(false);
    expect(counter.count('   ', 'noResult')).toBe(false);
    expect(counter.pending()).toEqual([]);
  });

  it('keeps at most its bound of distinct queries, still counting those it has', () => {
    const counter = createSearchGapCounter();
    const words = ['khai', 'sinh', 'ket', 'hon', 'tam', 'tru', 'xe', 'dat', 'nha', 'thue'];
    for (let i = 0; i < MAX_SEARCH_GAPS + 20; i++) counter.count(`${words[i % 10]} ${words[Math.floor(i / 10) % 10]} ${i % 7}`, 'noResult');
    expect(counter.pending()).toHaveLength(MAX_SEARCH_GAPS);
    const kept = counter.pending()[0]?.query ?? '';
    expect(counter.count(kept, 'noResult')).toBe(true);
    expect(counter.count('một câu hỏi mới', 'noResult')).toBe(false);
    // What a heartbeat carries stays within the API's limit.
    const heartbeat = { version: '1', uptimeSeconds: 1, lastSyncAt: null, scanner: 'ok', camera: 'disabled', recentErrors: 0, outboxPending: 0, locationId: null, intervalSeconds: 300, sentAt: '2026-12-08T02:00:00.000Z', searchGaps: counter.pending() };
    expect(Heartbeat.safeParse(heartbeat).success).toBe(true);
  });

  it('forgets what a heartbeat delivered, keeps what was counted meanwhile, and keeps everything when it failed', () => {
    const counter = createSearchGapCounter();
    counter.count('giấy phép xây dựng', 'noResult');
    const sent = counter.pending();
    counter.count('giấy phép xây dựng', 'noResult'); // while the heartbeat was out
    counter.count('sổ đỏ', 'openedNothing');
    counter.delivered(sent);
    expect(counter.pending()).toEqual([
      { query: 'giấy phép xây dựng', outcome: 'noResult', count: 1 },
      { query: 'sổ đỏ', outcome: 'openedNothing', count: 1 },
    ]);
    // A failed heartbeat delivers nothing: the next one carries all of it.
    expect(counter.pending()).toHaveLength(2);
    counter.delivered(counter.pending());
    expect(counter.pending()).toEqual([]);
  });
});
