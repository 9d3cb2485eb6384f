#!/usr/bin/env python3
"""Derives itsm_last_events.csv (with each incident's time pending on the requester) and the
expected figures of ItsmResolutionTest from the ServiceNow event log head (see NOTICE).
Run: python3 derive.py PATH/incident_event_log_head6k.csv
"""
import csv, math, sys
from datetime import datetime, timezone

src = sys.argv[1]
rows = list(csv.DictReader(open(src, newline='')))
last = {}
for r in rows:  # the last event of an incident is its highest sys_mod_count
    k = r['number']
    if k not in last or int(r['sys_mod_count']) >= int(last[k]['sys_mod_count']):
        last[k] = r
def t(s):
    return datetime.strptime(s, '%d-%m-%Y %H:%M').replace(tzinfo=timezone.utc)

# Time pending on the requester: the incident is in a state from an event's sys_updated_at to
# the next event's (events in time order, ties by sys_mod_count); the spells in 'Awaiting User
# Info' are added up, each clipped to opened_at .. resolved_at. Whole seconds.
events = {}
for r in rows:
    events.setdefault(r['number'], []).append(r)

def pending(k):
    r = last[k]
    if r['resolved_at'] == '?':
        return ''
    lo, hi = t(r['opened_at']), t(r['resolved_at'])
    ev = sorted(events[k], key=lambda e: (t(e['sys_updated_at']), int(e['sys_mod_count'])))
    total = 0
    for i, e in enumerate(ev):
        if e['incident_state'] != 'Awaiting User Info':
            continue
        start = max(lo, t(e['sys_updated_at']))
        end = min(hi, t(ev[i + 1]['sys_updated_at']) if i + 1 < len(ev) else hi)
        total += max(0, int((end - start).total_seconds()))
    return total

cols = ['number', 'incident_state', 'reopen_count', 'sys_mod_count', 'made_sla', 'caller_id',
        'contact_type', 'priority', 'opened_at', 'resolved_at', 'closed_at']
with open('itsm_last_events.csv', 'w', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(cols + ['pending_seconds'])
    for k in sorted(last):
        w.writerow([last[k][c] for c in cols] + [pending(k)])

secs, met = [], 0
for r in last.values():
    if r['incident_state'] != 'Closed' or r['resolved_at'] == '?':
        continue
    secs.append(int((t(r['resolved_at']) - t(r['opened_at'])).total_seconds()))
    met += r['made_sla'] == 'TRUE'
secs.sort()
n = len(secs)
print('incidents', len(last), 'closed with a resolution', n)
print('mean seconds', repr(sum(secs) / n), 'sum', sum(secs))
m = sum(secs) / n
print('sd', repr(math.sqrt(sum((x - m) ** 2 for x in secs) / (n - 1))))
for q in (0.5, 0.9, 0.95, 0.99):
    print('q', q, 'rank', max(1, math.ceil(q * n)), 'seconds', secs[max(1, math.ceil(q * n)) - 1])
print('min', secs[0], 'max', secs[-1])
for h in (24, 72):
    print('within', h, 'h', sum(1 for x in secs if x <= h * 3600))
print('made_sla TRUE', met, 'of', n)

# Requester wait time: time to resolution less the time pending on the requester.
rwt = sorted(int((t(r['resolved_at']) - t(r['opened_at'])).total_seconds()) - pending(k)
             for k, r in last.items() if r['incident_state'] == 'Closed' and r['resolved_at'] != '?')
n = len(rwt)
print('requester wait n', n, 'with pending > 0', sum(1 for k, r in last.items()
      if r['incident_state'] == 'Closed' and r['resolved_at'] != '?' and pending(k) > 0),
      'pending sum', sum(pending(k) for k, r in last.items()
      if r['incident_state'] == 'Closed' and r['resolved_at'] != '?'))
print('rwt mean', repr(sum(rwt) / n), 'sum', sum(rwt))
m = sum(rwt) / n
print('rwt sd', repr(math.sqrt(sum((x - m) ** 2 for x in rwt) / (n - 1))))
for q in (0.5, 0.9, 0.95, 0.99):
    print('rwt q', q, 'rank', max(1, math.ceil(q * n)), 'seconds', rwt[max(1, math.ceil(q * n)) - 1])
print('rwt min', rwt[0], 'max', rwt[-1])
for h in (24, 72):
    print('rwt within', h, 'h', sum(1 for x in rwt if x <= h * 3600))
