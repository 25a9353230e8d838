// The user-log panel: the newest entries of the application's user log (ranges entered, modules restarted,
// app_main/app_exit, action messages), a snapshot when the stream opens and each entry live after it.

import {h, setText} from './dom.js';

const KEPT = 30;
const time = new Intl.DateTimeFormat(undefined, {hour: '2-digit', minute: '2-digit', second: '2-digit'});

export class UserLogPanel {
  constructor(section) {
    this.section = section;
    this.list = section.querySelector('ol');
    this.count = section.querySelector('.userlog-count');
  }

  /** `{snapshot, entries}` from the stream: a snapshot replaces what is shown, else the entries come on top. */
  apply(data) {
    if (!data || !Array.isArray(data.entries)) {
      return;
    }
    if (data.snapshot) {
      this.list.replaceChildren();
    }
    const rows = data.entries.map((e) => this.row(e));
    if (data.snapshot) {
      this.list.append(...rows);
    } else {
      this.list.prepend(...rows.reverse());
    }
    while (this.list.children.length > KEPT) {
      this.list.lastElementChild.remove();
    }
    this.section.hidden = false;
    const n = this.list.children.length;
    setText(this.count, n === 0 ? 'no entries' : `${n} newest`);
  }

  row(e) {
    const at = new Date(e.time);
    return h('li', {class: `userlog-entry level-${e.level}`, 'data-source': e.source, 'data-level': e.level},
        h('time', {datetime: e.time, text: Number.isNaN(at.getTime()) ? e.time : time.format(at)}),
        h('span', {class: 'userlog-level', text: e.level}),
        h('span', {class: 'userlog-source', text: e.source, title: `instance ${e.instance}`}),
        h('span', {class: 'userlog-message', text: e.message}));
  }

  clear() {
    this.list.replaceChildren();
    this.section.hidden = true;
  }
}
