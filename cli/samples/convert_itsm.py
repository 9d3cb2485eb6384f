#!/usr/bin/env python3
"""Converts the ServiceNow incident event log (see kpi-time/src/test/resources/itsm/NOTICE.txt,
CC BY 4.0) into cxkpi case rows: one 'closed' case event per incident, at its last event,
with its opening, its resolution, its made_sla flag and the time it spent pending on the
requester (column pending, seconds): the spells in the state 'Awaiting User Info', a state
lasting from an event's sys_updated_at to the next event's (events in time order, ties by
sys_mod_count), each clipped to opened_at .. resolved_at; empty without a resolution.

Run: python3 convert_itsm.py incident_event_log_head6k.csv | gzip -9 -n > ../src/main/resources/samples/itsm.csv.gz
(the CLI's --sample itsm)
"""
import csv, sys
from datetime import datetime

def iso(s):
    return datetime.strptime(s, '%d-%m-%Y %H:%M').strftime('%Y-%m-%dT%H:%M:00Z')

def t(s):
    return datetime.strptime(s, '%d-%m-%Y %H:%M')

last = {}
events = {}
for r in csv.DictReader(open(sys.argv[1], newline='')):
    k = r['number']
    events.setdefault(k, []).append(r)
    if k not in last or int(r['sys_mod_count']) >= int(last[k]['sys_mod_count']):
        last[k] = r

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
    return str(total)

w = csv.writer(sys.stdout, lineterminator='\n')
w.writerow(['kind', 'customer_id', 'instant', 'channel', 'case_id', 'status', 'opened', 'solved',
            'reopen_count', 'within_sla', 'attr.priority', 'pending'])
for k in sorted(last):
    r = last[k]
    if r['incident_state'] != 'Closed':
        continue
    w.writerow(['case', r['caller_id'], iso(r['closed_at']), r['contact_type'].lower(), k,
                'closed', iso(r['opened_at']),
                '' if r['resolved_at'] == '?' else iso(r['resolved_at']), r['reopen_count'],
                r['made_sla'].lower(), r['priority'], pending(k)])
