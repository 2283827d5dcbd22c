// Node 18 (Debian bookworm) has WebCrypto only as node:crypto's `webcrypto`; 19 and later make it global, as browsers do.
import { webcrypto } from "node:crypto";

globalThis.crypto ??= webcrypto;
