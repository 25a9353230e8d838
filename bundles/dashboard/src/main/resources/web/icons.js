// Widget icons, drawn as inline SVG (no icon font, no fetch: the CSP stays `img-src 'self'`). A link's `icon`
// names one of these; an unknown name draws nothing. Outline style on a 24 × 24 grid, stroked in the text
// color, so they follow the light and dark themes.

import {svg} from './dom.js';

const ICONS = {
  activity: [['path', {d: 'M22 12h-4l-3 9L9 3l-3 9H2'}]],
  bell: [['path', {d: 'M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9'}], ['path', {d: 'M13.7 21a2 2 0 0 1-3.4 0'}]],
  bolt: 'zap',
  clock: [['circle', {cx: 12, cy: 12, r: 10}], ['path', {d: 'M12 6v6l4 2'}]],
  cpu: [['rect', {x: 4, y: 4, width: 16, height: 16, rx: 2}], ['rect', {x: 9, y: 9, width: 6, height: 6}],
    ['path', {d: 'M9 1v3M15 1v3M9 20v3M15 20v3M20 9h3M20 14h3M1 9h3M1 14h3'}]],
  droplet: [['path', {d: 'M12 2.7l5.7 5.6a8 8 0 1 1-11.4 0z'}]],
  fan: [['circle', {cx: 12, cy: 12, r: 1.6}],
    ['ellipse', {cx: 12, cy: 6.2, rx: 2.8, ry: 4.2}],
    ['ellipse', {cx: 12, cy: 6.2, rx: 2.8, ry: 4.2, transform: 'rotate(120 12 12)'}],
    ['ellipse', {cx: 12, cy: 6.2, rx: 2.8, ry: 4.2, transform: 'rotate(240 12 12)'}]],
  gauge: [['path', {d: 'M3.3 19a10 10 0 1 1 17.4 0'}], ['path', {d: 'M12 14l4.5-4.5'}],
    ['circle', {cx: 12, cy: 14, r: 1}]],
  home: [['path', {d: 'M3 10l9-7 9 7v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z'}], ['path', {d: 'M9 22V12h6v10'}]],
  lightbulb: [['path', {d: 'M9 18h6M10 22h4'}], ['path', {d: 'M12 2a7 7 0 0 0-4 12.7V16h8v-1.3A7 7 0 0 0 12 2z'}]],
  memory: [['rect', {x: 2, y: 6, width: 20, height: 12, rx: 2}], ['path', {d: 'M6 10v4M10 10v4M14 10v4M18 10v4'}]],
  power: [['path', {d: 'M12 2v10'}], ['path', {d: 'M18.4 6.6a9 9 0 1 1-12.8 0'}]],
  sliders: [['path', {d: 'M4 21v-7M4 10V3M12 21v-9M12 8V3M20 21v-5M20 12V3M1 14h6M9 8h6M17 16h6'}]],
  sun: [['circle', {cx: 12, cy: 12, r: 4}],
    ['path', {d: 'M12 1v3M12 20v3M4.2 4.2l2.1 2.1M17.7 17.7l2.1 2.1M1 12h3M20 12h3M4.2 19.8l2.1-2.1M17.7 6.3l2.1-2.1'}]],
  thermometer: [['path', {d: 'M14 14.8V3.5a2.5 2.5 0 0 0-5 0v11.3a4.5 4.5 0 1 0 5 0z'}]],
  wifi: [['path', {d: 'M5 12.5a10 10 0 0 1 14 0M8.5 16a5 5 0 0 1 7 0M2 9a15 15 0 0 1 20 0'}],
    ['circle', {cx: 12, cy: 19.5, r: 1}]],
  zap: [['path', {d: 'M13 2L3 14h9l-1 8 10-12h-9z'}]],
};

/** An inline SVG for an icon name ("fan", also "fa-fan" or "fa:fan"), or null when the name is unknown or empty. */
export function iconFor(name) {
  const key = String(name || '').trim().toLowerCase().replace(/^fa[-:]/, '');
  let shape = ICONS[key];
  if (typeof shape === 'string') {
    shape = ICONS[shape];
  }
  if (!shape) {
    return null;
  }
  return svg('svg', {class: 'icon', viewBox: '0 0 24 24', 'aria-hidden': 'true', 'data-icon': key},
      shape.map(([tag, attrs]) => svg(tag, Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, String(v)])))));
}

/** The icon a sensor type suggests (Kervi's sensor types), for a widget whose link names no icon. */
const SENSOR_TYPE_ICONS = {
  temperature: 'thermometer',
  humidity: 'droplet',
  moisture: 'droplet',
  light: 'sun',
  cpu_load: 'cpu',
  memory: 'memory',
  disk: 'memory',
  network: 'wifi',
  voltage: 'zap',
  current: 'zap',
  power: 'power',
  pressure: 'gauge',
};

export function iconForSensorType(type) {
  return iconFor(SENSOR_TYPE_ICONS[String(type || '').trim().toLowerCase()]);
}
