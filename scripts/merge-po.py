#!/usr/bin/env python3
"""A git merge driver for gettext catalogues: ``merge-po.py %O %A %B``.

Catalogues are written sorted and without locations (see the project's
``makemessages``), so a three-way merge per message is exact: a message
changed on one side only takes that side; added on either side, it is kept;
removed on one side and untouched on the other, it goes.  When both sides
changed the same message differently ours wins and the driver exits 1, so
git reports a conflict to look at.  Enabled with ``make git-setup``.
"""

import sys


def entries(path):
    """Ordered {key: block}: the key is the msgctxt/msgid lines of an entry."""
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    result = {}
    for block in text.strip("\n").split("\n\n"):
        lines = [line for line in block.split("\n") if line]
        if not lines:
            continue
        key_lines, in_key = [], False
        for line in lines:
            if line.startswith(("msgctxt", "msgid")):
                in_key = True
            elif line.startswith(("msgstr", "msgid_plural")):
                if line.startswith("msgid_plural"):
                    key_lines.append(line)
                    continue
                break
            if in_key and not line.startswith("#"):
                key_lines.append(line)
        result["\n".join(key_lines)] = "\n".join(lines)
    return result


def sort_key(key):
    """msgcat --sort-output order: by msgid text, then msgctxt."""
    msgid, msgctxt, target = [], [], None
    for line in key.split("\n"):
        if line.startswith("msgctxt"):
            target = msgctxt
        elif line.startswith("msgid_plural"):
            target = None
        elif line.startswith("msgid"):
            target = msgid
        if target is not None:
            target.append(line[line.index('"') + 1 : -1])
    return "".join(msgid), "".join(msgctxt)


def main(base_path, ours_path, theirs_path):
    base, ours, theirs = entries(base_path), entries(ours_path), entries(theirs_path)
    merged, conflicts = {}, 0
    for key in list(ours) + [k for k in theirs if k not in ours]:
        mine, other, old = ours.get(key), theirs.get(key), base.get(key)
        if mine is not None and other is not None:
            if mine == other or other == old:
                merged[key] = mine
            elif mine == old:
                merged[key] = other
            else:
                merged[key] = mine
                conflicts += 1
                print(f"merge-po: both sides changed {key.splitlines()[0]!r}; kept ours", file=sys.stderr)
        elif mine is not None:
            if old is None or old != mine:  # ours added or changed it: keep
                merged[key] = mine
        elif other is not None:
            if old is None or old != other:
                merged[key] = other
    header = [merged.pop('msgid ""')] if 'msgid ""' in merged else []
    body = [merged[k] for k in sorted(merged, key=sort_key)]
    with open(ours_path, "w", encoding="utf-8") as handle:
        handle.write("\n\n".join(header + body) + "\n")
    return 1 if conflicts else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
