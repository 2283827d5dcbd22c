/**
 * The chronology's charts, drawn on this device as SVG: incidents per week and per platform.
 * Each is one image to assistive technology (role="img" with a title and a description that
 * says what it shows in words), and the chronology puts a table with the same numbers beside it.
 */
import { format, gettext, ngettext } from "../i18n.js";
import { formatDate, h, svg } from "./dom.js";

const WIDTH = 360;
const FONT = 11;

function chart(name, title, description, height, ...shapes) {
  return svg(
    "svg",
    { class: "fo-chart", role: "img", viewBox: `0 0 ${WIDTH} ${height}`, "aria-labelledby": `${name}-title ${name}-desc`, "data-chart": name },
    svg("title", { id: `${name}-title`, text: title }),
    svg("desc", { id: `${name}-desc`, text: description }),
    ...shapes,
  );
}

const label = (x, y, text, anchor = "middle") => svg("text", { x, y, "font-size": FONT, "text-anchor": anchor, fill: "#0b0c0c", text });
const shortDate = (iso) => formatDate(iso).replace(/ \d{4}$/, "");

/** What the weekly chart shows, in words. */
function weeklyDescription(perWeek, busiest) {
  const weeks = perWeek.length;
  const none = perWeek.filter((week) => !week.count).length;
  return [
    format(ngettext("Incidents in each of %(count)s week, from the week beginning %(first)s to the week beginning %(last)s.", "Incidents in each of %(count)s weeks, from the week beginning %(first)s to the week beginning %(last)s.", weeks), {
      count: weeks,
      first: formatDate(perWeek[0].start),
      last: formatDate(perWeek.at(-1).start),
    }),
    format(gettext("The most in one week was %(count)s, in the week beginning %(date)s."), { count: busiest.count, date: formatDate(busiest.start) }),
    format(ngettext("%(count)s week had none.", "%(count)s weeks had none.", none), { count: none }),
  ].join(" ");
}

/** Bars for every week from the first incident to the last; labels under every few, so they never overlap. */
export function weeklyChart(perWeek) {
  const top = 16;
  const plot = 110;
  const left = 24; // room for half a date label either side
  const slot = (WIDTH - left * 2) / Math.max(perWeek.length, 1);
  const max = Math.max(1, ...perWeek.map((week) => week.count));
  const every = Math.ceil((perWeek.length * 60) / (WIDTH - left * 2)); // "30 September" needs about 60 units
  const busiest = perWeek.reduce((best, week) => (week.count > best.count ? week : best), perWeek[0] || { count: 0 });
  const description = perWeek.length ? weeklyDescription(perWeek, busiest) : gettext("No incidents yet.");
  const shapes = [svg("line", { x1: left, x2: WIDTH - left, y1: top + plot, y2: top + plot, stroke: "#0b0c0c", "stroke-width": 1 })];
  perWeek.forEach((week, index) => {
    const x = left + index * slot;
    const barHeight = (week.count / max) * plot;
    if (week.count) {
      shapes.push(svg("rect", { x: x + slot * 0.15, y: top + plot - barHeight, width: slot * 0.7, height: barHeight, fill: "#1d3557" }));
      shapes.push(label(x + slot / 2, top + plot - barHeight - 3, String(week.count)));
    }
    if (index % every === 0) shapes.push(label(x + slot / 2, top + plot + 14, shortDate(week.start)));
  });
  return chart("fo-chart-week", gettext("Incidents per week"), description, top + plot + 22, ...shapes);
}

/** One bar per platform, most first. */
export function platformChart(perPlatform) {
  const row = 22;
  const labelWidth = 120;
  const max = Math.max(1, ...perPlatform.map((each) => each.count));
  const room = WIDTH - labelWidth - 30;
  const shapes = perPlatform.flatMap(({ platform, count }, index) => {
    const y = index * row + 4;
    const name = platform.length > 18 ? `${platform.slice(0, 17)}…` : platform;
    return [
      label(labelWidth - 6, y + 13, name, "end"),
      svg("rect", { x: labelWidth, y, width: (count / max) * room, height: row - 8, fill: "#1d3557" }),
      label(labelWidth + (count / max) * room + 4, y + 13, String(count), "start"),
    ];
  });
  const description = perPlatform.map(({ platform, count }) => format(gettext("%(platform)s: %(count)s"), { platform, count })).join(". ") || gettext("No incidents yet.");
  return chart("fo-chart-platform", gettext("Incidents per platform"), description, Math.max(perPlatform.length, 1) * row + 4, ...shapes);
}

/** The same numbers as a table. */
export function countTable(caption, heading, rows) {
  return h(
    "div",
    { class: "fo-table-wrapper" },
    h(
      "table",
      { class: "fo-table fo-table--counts" },
      h("caption", { text: caption }),
      h("thead", {}, h("tr", {}, h("th", { scope: "col", text: heading }), h("th", { scope: "col", text: gettext("Incidents") }))),
      h("tbody", {}, ...rows.map(([name, count]) => h("tr", {}, h("th", { scope: "row", text: name }), h("td", { text: String(count) })))),
    ),
  );
}
