// Our own canvas view (launch-kit HTML in the brand palette, never Molecule's UI): nodes, badge, chat, event ticker.
import { BRAND_COLORS } from '../../../core/brand-palette.ts';
import { escapeHtml, overlayHtml, stillPage, type Overlays } from '../lib/brand-css.ts';
import type { CanvasNode, CanvasState } from './canvas-state.ts';

/** The words that mark the view as ours on every frame. */
export const CANVAS_VIEW_NOTICE = 'Launch-kit canvas view, drawn from the recorded /ws events · not the Molecule UI';

const STATUS_COLORS: Record<string, string> = {
  online: BRAND_COLORS.online,
  offline: '#F87171',
  paused: '#FBBF24',
  degraded: '#FB923C',
};

const c = BRAND_COLORS;
const CSS = `
.frame{display:flex;flex-direction:column;width:100%;height:100%}
.bar{display:flex;justify-content:space-between;align-items:center;height:72px;padding:0 40px;background:${c.panel};border-bottom:2px solid ${c.edge}}
.bar .title{font:700 28px Inter;color:${c.title}}
.notice{position:absolute;left:32px;bottom:22px;font:400 20px Inter;color:${c.text}}
.main{flex:1;display:flex;min-height:0}
.board{flex:1;position:relative;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:120px;
  background-image:radial-gradient(${c.edge} 1.5px,transparent 1.5px);background-size:36px 36px}
.row{display:flex;gap:64px;position:relative}
.node{width:440px;padding:26px 30px;border-radius:18px;background:${c.panel};border:2px solid ${c.edge};box-shadow:0 10px 30px #0008}
.node.remote{border-color:${c.remote}}
.node .head{display:flex;justify-content:space-between;align-items:center;gap:12px}
.node .name{font:700 34px Inter;color:${c.title}}
.badge{white-space:nowrap;padding:6px 16px;border-radius:999px;background:${c.remote};color:#fff;font:700 22px Inter}
.node .role{font:400 22px Inter;color:${c.text};margin-top:6px}
.node .status{display:flex;align-items:center;gap:12px;margin-top:16px;font:700 24px Inter;color:${c.title}}
.dot{width:16px;height:16px;border-radius:50%}
.node .meta{margin-top:12px;font:400 22px Inter;color:${c.text}}
.node .meta b{color:${c.title};font-weight:700}
.link{position:absolute;left:50%;top:-120px;width:3px;height:120px;background:${c.blue}}
.chat{width:560px;display:flex;flex-direction:column;background:#0D1424;border-left:2px solid ${c.edge}}
.chat h2{font:700 26px Inter;color:${c.title};padding:28px 32px 8px}
.chat .sub{font:400 20px Inter;color:${c.text};padding:0 32px 16px}
.msgs{flex:1;display:flex;flex-direction:column;gap:18px;padding:16px 32px;overflow:hidden}
.msg{padding:16px 20px;border-radius:14px;font:400 23px/1.4 Inter;color:${c.title};white-space:pre-wrap}
.msg.canvas{align-self:flex-end;background:#16305A;max-width:440px}
.msg.agent{align-self:flex-start;background:#1B1533;border:2px solid ${c.remote};max-width:480px}
.msg .who{display:block;font:700 18px Inter;color:${c.heading};margin-bottom:6px}
.empty{font:400 22px Inter;color:${c.text};padding:16px 32px}
.ticker{border-top:2px solid ${c.edge};padding:18px 32px 24px}
.ticker h3{font:700 18px Inter;color:${c.heading};letter-spacing:.08em;text-transform:uppercase;margin-bottom:10px}
.ev{font:400 20px/1.6 'Launch Mono',monospace;color:${c.text}}
.ev b{color:${c.title};font-weight:700}`;

function nodeHtml(node: CanvasNode, badge: string): string {
  const remote = node.runtime === 'external';
  const color = STATUS_COLORS[node.status] ?? '#64748B';
  return `<div class="node${remote ? ' remote' : ''}" data-id="${escapeHtml(node.id)}">
<div class="head"><span class="name">${escapeHtml(node.name)}</span>${remote ? `<span class="badge">${escapeHtml(badge)}</span>` : ''}</div>
<div class="role">${escapeHtml(node.role ?? 'workspace')}</div>
<div class="status"><span class="dot" style="background:${color}"></span>${escapeHtml(node.status)}</div>
<div class="meta">runtime <b>${escapeHtml(node.runtime || 'unknown')}</b></div>
<div class="meta">current task <b>${escapeHtml(node.currentTask || '—')}</b></div></div>`;
}

/** The body of the view (without the page shell), for the film, the PNG and the capture test. */
export function canvasBodyHtml(state: CanvasState, options: { badge: string; title: string }): string {
  const roots = state.nodes.filter(
    (node) => !node.parentId || !state.nodes.some((other) => other.id === node.parentId),
  );
  const children = state.nodes.filter((node) => !roots.includes(node));
  const rows = [roots, children].filter((row) => row.length > 0);
  const board = rows
    .map(
      (row, index) =>
        `<div class="row">${index > 0 ? '<div class="link"></div>' : ''}${row.map((node) => nodeHtml(node, options.badge)).join('')}</div>`,
    )
    .join('');
  const msgs =
    state.chat.length === 0
      ? '<div class="empty">No messages yet.</div>'
      : state.chat
          .map(
            (line) =>
              `<div class="msg ${line.from}"><span class="who">${escapeHtml(line.name)}</span>${escapeHtml(line.text)}</div>`,
          )
          .join('');
  const ticker = state.ticker
    .map((item) => `<div class="ev"><b>${escapeHtml(item.event)}</b> ${escapeHtml(item.name)}</div>`)
    .join('');
  return `<div class="frame"><div class="bar"><span class="title">${escapeHtml(options.title)}</span></div>
<div class="main"><div class="board">${board || '<div class="empty">No workspaces yet.</div>'}<div class="notice">${escapeHtml(CANVAS_VIEW_NOTICE)}</div></div>
<div class="chat"><h2>Chat</h2><div class="sub">A2A exchange through the platform's proxy</div><div class="msgs">${msgs}</div>
<div class="ticker"><h3>/ws events</h3>${ticker || '<div class="ev">—</div>'}</div></div></div></div>`;
}

/** A whole page of the view, sized by its viewport (1920×1080 in films, 1440 wide for the capture test). */
export function canvasPage(state: CanvasState, options: { badge: string; title: string; overlays?: Overlays }): string {
  return stillPage(CSS, `${canvasBodyHtml(state, options)}${overlayHtml(options.overlays ?? {})}`).replace(
    /html,body\{width:1920px;height:1080px;/,
    'html,body{width:100vw;height:100vh;',
  );
}
