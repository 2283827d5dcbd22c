/** "Where you are signed in": the account's devices, each of which can be signed out from here. */
import { ApiError, get, post } from "./api.js";
import { formatMoment, h } from "./dom.js";
import { format, gettext } from "../i18n.js";

const offlineText = () => gettext("Connect to the internet to see and sign out your devices.");

/** @param {HTMLElement} section the settings block with data-device-list */
export function initDevices(section) {
  const list = section.querySelector("[data-device-list]");
  const status = section.querySelector("[data-devices-status]");

  async function act(work, done) {
    try {
      await work();
      status.textContent = done;
      await load();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      status.textContent = error.isOffline ? offlineText() : error.message;
    }
  }

  async function load() {
    list.replaceChildren();
    try {
      const { devices } = await get("auth/devices/");
      list.replaceChildren(
        ...devices.map((device) => {
          const when = formatMoment(device.signed_in);
          const item = h("li", { class: "fo-entry" }, h("p", { text: format(device.current ? gettext("%(device)s, signed in %(when)s (this device)") : gettext("%(device)s, signed in %(when)s"), { device: device.device, when }) }));
          if (!device.current) {
            const button = h("button", { type: "button", class: "fo-button fo-button--secondary", text: format(gettext("Sign out %(device)s (%(when)s)"), { device: device.device, when }) });
            button.addEventListener("click", () => act(() => post(`auth/devices/${device.id}/sign-out/`), format(gettext("%(device)s is signed out."), { device: device.device })));
            item.append(button);
          }
          return item;
        }),
      );
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      status.textContent = error.isOffline ? offlineText() : error.message;
    }
  }

  section.querySelector('[data-action="sign-out-others"]').addEventListener("click", () =>
    act(() => post("auth/devices/sign-out-others/"), gettext("Every other device is signed out.")),
  );
  return { load, forget: () => list.replaceChildren() };
}
