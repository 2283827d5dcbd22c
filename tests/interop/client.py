"""A small reference client for FalseOS protocol 1, written from docs/PROTOCOL.md alone.

It uses Python's standard library for HTTP and `cryptography` for the primitives, and never imports the
server's code: it is a second implementation of the formats, next to static/js/casefile/. Section numbers
(§) are PROTOCOL.md's.

    client = Client("http://127.0.0.1:8000")
    account = client.register("sam.r", "four unrelated words here")   # account.recovery_code: show it once
    case_file = client.create_case_file("Harassment from one account")
    client.push(case_file, [client.write(case_file, record_id, {"kind": "diary", ...})])
"""

import base64
import hashlib
import json
import secrets
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from http.cookiejar import CookieJar, DefaultCookiePolicy

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

PROTOCOL = "FalseOS protocol 1"
BOX_VERSION = 1
NONCE_BYTES = 12
TAG_BYTES = 16
KEY_BYTES = 32
RECOVERY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
RECOVERY_CHARACTERS = 32


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def unb64(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


# §2 Key derivation ------------------------------------------------------------------------------------------


def hkdf(secret: bytes, info: str, salt: bytes = b"") -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt or None, info=info.encode()).derive(secret)


def passphrase_master(passphrase: str, salt: bytes, iterations: int) -> bytes:
    normalised = unicodedata.normalize("NFKC", passphrase).encode("utf-8")
    return hashlib.pbkdf2_hmac("sha256", normalised, salt, iterations, KEY_BYTES)


def split_master(master: bytes, purpose: str) -> tuple[bytes, bytes]:
    """(auth key, key-encryption key) for purpose "passphrase" or "recovery code"."""
    return hkdf(master, f"falseos {purpose} auth key v1"), hkdf(master, f"falseos {purpose} key-encryption key v1")


def derive_from_passphrase(passphrase: str, salt: bytes, iterations: int) -> tuple[bytes, bytes]:
    return split_master(passphrase_master(passphrase, salt, iterations), "passphrase")


def new_recovery_code() -> str:
    characters = "".join(RECOVERY_ALPHABET[byte % 32] for byte in secrets.token_bytes(RECOVERY_CHARACTERS))
    return "-".join(characters[i : i + 4] for i in range(0, RECOVERY_CHARACTERS, 4))


def normalise_recovery_code(typed: str) -> str | None:
    code = "".join(c for c in typed.upper() if not c.isspace() and c != "-")
    if len(code) != RECOVERY_CHARACTERS or any(c not in RECOVERY_ALPHABET for c in code):
        return None
    return code


def derive_from_recovery_code(typed: str) -> tuple[bytes, bytes]:
    code = normalise_recovery_code(typed)
    if code is None:
        raise ValueError("not a recovery code")
    return split_master(code.encode("ascii"), "recovery code")


# §3 Boxes and associated data -------------------------------------------------------------------------------


def seal(key: bytes, plaintext: bytes, associated_data: str, nonce: bytes | None = None) -> bytes:
    nonce = nonce or secrets.token_bytes(NONCE_BYTES)
    return bytes([BOX_VERSION]) + nonce + AESGCM(key).encrypt(nonce, plaintext, associated_data.encode())


def open_box(key: bytes, box: bytes, associated_data: str) -> bytes:
    if len(box) < 1 + NONCE_BYTES + TAG_BYTES or box[0] != BOX_VERSION:
        raise ValueError("unknown box format")
    return AESGCM(key).decrypt(box[1 : 1 + NONCE_BYTES], box[1 + NONCE_BYTES :], associated_data.encode())


VAULT_KEY_AD = "falseos vault key v1"
PRIVATE_KEY_AD = "falseos private key v1"
BACKUP_AD = "falseos backup v1"


def collection_key_ad(collection_id: str) -> str:
    return f"falseos collection key v1 {collection_id}"


def record_ad(collection_id: str, record_id: str) -> str:
    return f"falseos record v1 {collection_id} {record_id}"


def file_ad(file_id: str) -> str:
    return f"falseos file v1 {file_id}"


def keyring_ad(group_id: str) -> str:
    return f"falseos keyring v1 {group_id}"


def group_record_ad(group_id: str, record_id: str, version: int) -> str:
    return f"falseos group record v1 {group_id} {record_id} {version}"


def invite_ad(invite_id: str) -> str:
    return f"falseos invite v1 {invite_id}"


def record_json(value: dict) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def encrypt_record(key: bytes, collection_id: str, record_id: str, value: dict) -> bytes:
    return seal(key, record_json(value), record_ad(collection_id, record_id))


def decrypt_record(key: bytes, collection_id: str, record_id: str, box: bytes) -> dict:
    return json.loads(open_box(key, box, record_ad(collection_id, record_id)))


def named_record_id(collection_id: str, name: str) -> str:
    """§6.3: a stable record id from a name (details, rung-3, member-12, …)."""
    digest = hashlib.sha256(f"{collection_id}/{name}".encode()).digest()
    h = digest[:16].hex()
    variant = (digest[8] & 0x3F) | 0x80
    return f"{h[:8]}-{h[8:12]}-5{h[13:16]}-{variant:02x}{h[18:20]}-{h[20:32]}"


# §10 Link groups ---------------------------------------------------------------------------------------------

P256 = ec.SECP256R1()


def raw_public(key) -> bytes:
    public = key.public_key() if isinstance(key, ec.EllipticCurvePrivateKey) else key
    return public.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)


def new_identity(vault_key: bytes) -> tuple[ec.EllipticCurvePrivateKey, dict]:
    private = ec.generate_private_key(P256)
    pkcs8 = private.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    return private, {
        "public_key": b64(raw_public(private)),
        "wrapped_private_key": b64(seal(vault_key, pkcs8, PRIVATE_KEY_AD)),
    }


def unwrap_private_key(vault_key: bytes, wrapped: bytes) -> ec.EllipticCurvePrivateKey:
    return serialization.load_der_private_key(open_box(vault_key, wrapped, PRIVATE_KEY_AD), password=None)


def _box_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    return hkdf(shared, "falseos sealed box v1", salt=ephemeral_public + recipient_public)


def seal_to(recipient_public: bytes, plaintext: bytes, associated_data: str) -> bytes:
    recipient = ec.EllipticCurvePublicKey.from_encoded_point(P256, recipient_public)
    ephemeral = ec.generate_private_key(P256)
    key = _box_key(ephemeral.exchange(ec.ECDH(), recipient), raw_public(ephemeral), recipient_public)
    return raw_public(ephemeral) + seal(key, plaintext, associated_data)


def open_sealed(private: ec.EllipticCurvePrivateKey, sealed: bytes, associated_data: str) -> bytes:
    ephemeral_public = sealed[:65]
    ephemeral = ec.EllipticCurvePublicKey.from_encoded_point(P256, ephemeral_public)
    key = _box_key(private.exchange(ec.ECDH(), ephemeral), ephemeral_public, raw_public(private))
    return open_box(key, sealed[65:], associated_data)


def seal_keyring(recipient_public: bytes, group_id: str, keyring: dict[int, bytes]) -> bytes:
    text = json.dumps({str(v): b64(k) for v, k in sorted(keyring.items())}, separators=(",", ":"))
    return seal_to(recipient_public, text.encode(), keyring_ad(group_id))


def open_keyring(private, group_id: str, sealed: bytes) -> dict[int, bytes]:
    value = json.loads(open_sealed(private, sealed, keyring_ad(group_id)))
    keyring = {int(v): unb64(k) for v, k in value.items()}
    if not keyring or any(len(k) != KEY_BYTES or v < 1 for v, k in keyring.items()):
        raise ValueError("not a keyring")
    return keyring


def encrypt_group_record(keyring: dict[int, bytes], group_id: str, record_id: str, value: dict) -> bytes:
    version = max(keyring)
    box = seal(keyring[version], record_json(value), group_record_ad(group_id, record_id, version))
    return version.to_bytes(4, "big") + box


def decrypt_group_record(keyring: dict[int, bytes], group_id: str, record_id: str, box: bytes) -> dict:
    version = int.from_bytes(box[:4], "big")
    return json.loads(open_box(keyring[version], box[4:], group_record_ad(group_id, record_id, version)))


def invite_keys(secret: str, invite_id: str) -> tuple[bytes, bytes]:
    """(key that opens the invite, join proof) from the link's fragment."""
    raw = base64.urlsafe_b64decode(secret + "=" * (-len(secret) % 4))
    if len(raw) != 32:
        raise ValueError("not an invite secret")
    salt = invite_id.encode()
    return hkdf(raw, "falseos invite key v1", salt=salt), hkdf(raw, "falseos invite join proof v1", salt=salt)


# §9 Receipts ------------------------------------------------------------------------------------------------


def verify_receipt(receipt: dict, key_document: dict) -> bool:
    public = unb64(key_document["public_key"])
    if key_document.get("algorithm") != "Ed25519" or receipt.get("key_id") != hashlib.sha256(public).hexdigest()[:16]:
        return False
    message = f"falseos-receipt-v1\n{receipt['sha256']}\n{receipt['time']}".encode()
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(unb64(receipt["signature"]), message)
    except InvalidSignature:
        return False
    return True


# §4 HTTP, §5-§10 the API --------------------------------------------------------------------------------


class ApiError(Exception):
    def __init__(self, status: int, body, headers):
        super().__init__(f"{status}: {body}")
        self.status, self.body, self.headers = status, body, headers

    @property
    def code(self) -> str | None:
        return self.body.get("code") if isinstance(self.body, dict) else None


@dataclass
class CaseFile:
    id: str
    key: bytes
    cursor: str = ""
    versions: dict = field(default_factory=dict)  # record id -> the version this device last saw


@dataclass
class Group:
    id: str
    keyring: dict[int, bytes]
    member_id: int | None = None
    cursor: str = ""
    versions: dict = field(default_factory=dict)


class Client:
    """One device: its cookie jar (session, CSRF token, device cookie) and, once unlocked, its keys."""

    def __init__(self, base_url: str):
        self.base = base_url.rstrip("/")
        address = urllib.parse.urlsplit(self.base)
        if address.scheme not in {"http", "https"}:
            raise ValueError("the server's address starts with https:// (or http:// on this machine)")
        host = address.hostname
        # Secure cookies over plain http only to this machine, for tests (browsers treat loopback as secure too).
        loopback = ("https", "wss", "http") if host in {"127.0.0.1", "localhost", "::1"} else ("https", "wss")
        self.jar = CookieJar(DefaultCookiePolicy(secure_protocols=loopback))
        self.http = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.username: str | None = None
        self.auth_key: bytes | None = None
        self.vault_key: bytes | None = None
        self.identity = None
        self.public_key: bytes | None = None

    # -- transport
    def _csrf(self) -> str:
        token = next((c.value for c in self.jar if c.name == "csrftoken"), "")
        if not token:
            self.request("GET", "auth/csrf/")
            token = next(c.value for c in self.jar if c.name == "csrftoken")
        return token

    def request(self, method: str, path: str, body=None, *, raw: bytes | None = None, answer_bytes: bool = False):
        headers = {"Accept": "application/json"}
        data = None
        if method != "GET":
            headers["X-CSRFToken"] = self._csrf()
        if raw is not None:
            data, headers["Content-Type"] = raw, "application/octet-stream"
        elif body is not None:
            data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
        url = f"{self.base}/api/v1/{path}"  # http(s) only: checked in __init__
        request = urllib.request.Request(url, data=data, method=method, headers=headers)  # noqa: S310
        try:
            with self.http.open(request, timeout=60) as response:
                payload = response.read()
                if answer_bytes:
                    return payload
                return json.loads(payload) if payload else None
        except urllib.error.HTTPError as error:
            payload = error.read()
            try:
                body = json.loads(payload)
            except ValueError:
                body = payload.decode(errors="replace")
            raise ApiError(error.code, body, error.headers) from None

    def fresh(self, method: str, path: str, body=None):
        """A request that may need a fresh sign-in (403 fresh_sign_in_required): confirm, then send it again."""
        try:
            return self.request(method, path, body)
        except ApiError as error:
            if error.status != 403 or error.code != "fresh_sign_in_required":
                raise
            self.request("POST", "auth/confirm/", {"auth_key": b64(self.auth_key)})
            return self.request(method, path, body)

    # -- §5 accounts
    def salt(self, username: str) -> tuple[bytes, int]:
        answer = self.request("POST", "auth/salt/", {"username": username})
        assert answer["kdf"] == "PBKDF2-SHA256"
        return unb64(answer["salt"]), answer["iterations"]

    def register(self, username: str, passphrase: str) -> str:
        """Make an account; returns the recovery code (show it once)."""
        salt, iterations = self.salt(username)
        auth_key, kek = derive_from_passphrase(passphrase, salt, iterations)
        vault_key = secrets.token_bytes(KEY_BYTES)
        code = new_recovery_code()
        recovery_auth, recovery_kek = derive_from_recovery_code(code)
        self.request(
            "POST",
            "auth/register/",
            {
                "username": username,
                "auth_key": b64(auth_key),
                "wrapped_vault_key": b64(seal(kek, vault_key, VAULT_KEY_AD)),
                "recovery_wrapped_vault_key": b64(seal(recovery_kek, vault_key, VAULT_KEY_AD)),
                "recovery_key": b64(recovery_auth),
            },
        )
        self.username, self.auth_key, self.vault_key = username, auth_key, vault_key
        return code

    def _take_keypair(self, answer: dict) -> None:
        if answer.get("public_key"):
            self.public_key = unb64(answer["public_key"])
            self.identity = unwrap_private_key(self.vault_key, unb64(answer["wrapped_private_key"]))

    def sign_in(self, username: str, passphrase: str) -> None:
        salt, iterations = self.salt(username)
        auth_key, kek = derive_from_passphrase(passphrase, salt, iterations)
        answer = self.request("POST", "auth/login/", {"username": username, "auth_key": b64(auth_key)})
        self.username, self.auth_key = username, auth_key
        self.vault_key = open_box(kek, unb64(answer["wrapped_vault_key"]), VAULT_KEY_AD)
        self._take_keypair(answer)

    def sign_out(self) -> None:
        self.request("POST", "auth/logout/")
        self.auth_key = self.vault_key = self.identity = None

    def change_passphrase(self, new_passphrase: str, *, current: bytes | None = None, sign_out_others=True) -> None:
        salt, iterations = self.salt(self.username)
        new_auth, new_kek = derive_from_passphrase(new_passphrase, salt, iterations)
        body = {
            "new_auth_key": b64(new_auth),
            "wrapped_vault_key": b64(seal(new_kek, self.vault_key, VAULT_KEY_AD)),
            "sign_out_other_devices": sign_out_others,
        }
        if current is not None:
            body["current_auth_key"] = b64(current)
        self.request("POST", "auth/passphrase/", body)
        self.auth_key = new_auth

    def recover(self, username: str, code: str, new_passphrase: str) -> None:
        recovery_auth, recovery_kek = derive_from_recovery_code(code)
        answer = self.request("POST", "auth/recover/", {"username": username, "recovery_key": b64(recovery_auth)})
        self.username = username
        self.vault_key = open_box(recovery_kek, unb64(answer["recovery_wrapped_vault_key"]), VAULT_KEY_AD)
        self._take_keypair(answer)
        self.change_passphrase(new_passphrase)  # within FRESH_SIGN_IN_SECONDS, without the old passphrase

    def ensure_identity(self) -> None:
        if self.identity is None:
            self.identity, body = new_identity(self.vault_key)
            self.public_key = unb64(body["public_key"])
            self.request("PUT", "auth/keypair/", body)

    # -- §6, §7 collections, records and sync
    def collections(self) -> list[dict]:
        return self.request("GET", "collections/")["collections"]

    def create_case_file(self, title: str, notes: str = "") -> CaseFile:
        collection_id = str(uuid.uuid4())
        key = secrets.token_bytes(KEY_BYTES)
        wrapped = seal(self.vault_key, key, collection_key_ad(collection_id))
        self.request("POST", "collections/", {"id": collection_id, "kind": "casefile", "wrapped_key": b64(wrapped)})
        case_file = CaseFile(collection_id, key)
        self.push(
            case_file,
            [
                self.write(
                    case_file,
                    named_record_id(collection_id, "details"),
                    {"kind": "details", "title": title, "notes": notes},
                )
            ],
        )
        return case_file

    def open_case_file(self, entry: dict) -> CaseFile:
        """A case file listed by collections/, its key unwrapped with the vault key."""
        key = open_box(self.vault_key, unb64(entry["wrapped_key"]), collection_key_ad(entry["id"]))
        return CaseFile(entry["id"], key)

    def write(self, case_file: CaseFile, record_id: str, value: dict | None) -> dict:
        """One push write on the version this device last saw; value None deletes."""
        ciphertext = b"" if value is None else encrypt_record(case_file.key, case_file.id, record_id, value)
        base = case_file.versions.get(record_id, 0)
        return {"id": record_id, "base_version": base, "ciphertext": b64(ciphertext), "deleted": value is None}

    def push(self, case_file: CaseFile | Group, writes: list[dict]) -> list[dict]:
        needs_fresh = any(w["deleted"] or w["base_version"] for w in writes)
        send = self.fresh if needs_fresh else self.request
        results = send("POST", f"collections/{case_file.id}/records/push/", {"writes": writes})["results"]
        for result in results:
            if result["status"] == "saved":
                case_file.versions[result["id"]] = result["version"]
            elif result["server"]:
                case_file.versions[result["id"]] = result["server"]["version"]
        return results

    def pull(self, case_file: CaseFile | Group, limit: int | None = None) -> list[dict]:
        """Every change since this device's cursor, all pages; a 410 cursor_reset starts again from the beginning."""
        changes = []
        while True:
            query = {"since": case_file.cursor, **({"limit": limit} if limit else {})}
            try:
                page = self.request("GET", f"collections/{case_file.id}/records/?{urllib.parse.urlencode(query)}")
            except ApiError as error:
                if error.status == 410 and error.code == "cursor_reset":
                    case_file.cursor = ""
                    continue
                raise
            for record in page["records"]:
                case_file.versions[record["id"]] = record["version"]
            changes += page["records"]
            case_file.cursor = page["cursor"]
            if not page["more"]:
                return changes

    def read(self, case_file: CaseFile, record: dict) -> dict | None:
        if record["deleted"]:
            return None
        return decrypt_record(case_file.key, case_file.id, record["id"], unb64(record["ciphertext"]))

    # -- §10 link groups
    def members(self, group: Group) -> list[dict]:
        members = self.request("GET", f"collections/{group.id}/members/")["members"]
        group.member_id = next(m["id"] for m in members if m["you"])
        return members

    def group_write(self, group: Group, record_id: str, value: dict | None) -> dict:
        stamped = None if value is None else {**value, "updated": "2026-11-21T10:00:00.000Z"}
        box = b"" if stamped is None else encrypt_group_record(group.keyring, group.id, record_id, stamped)
        base = group.versions.get(record_id, 0)
        return {"id": record_id, "base_version": base, "ciphertext": b64(box), "deleted": value is None}

    def group_read(self, group: Group, record: dict) -> dict | None:
        if record["deleted"]:
            return None
        return decrypt_group_record(group.keyring, group.id, record["id"], unb64(record["ciphertext"]))

    def _introduce(self, group: Group, display_name: str) -> None:
        self.members(group)
        record_id = named_record_id(group.id, f"member-{group.member_id}")
        self.push(
            group,
            [
                self.group_write(
                    group, record_id, {"kind": "member", "memberId": group.member_id, "displayName": display_name}
                )
            ],
        )

    def create_group(self, name: str, display_name: str) -> Group:
        self.ensure_identity()
        group = Group(str(uuid.uuid4()), {1: secrets.token_bytes(KEY_BYTES)})
        wrapped = seal_keyring(self.public_key, group.id, group.keyring)
        self.request("POST", "collections/", {"id": group.id, "kind": "linkgroup", "wrapped_key": b64(wrapped)})
        self.push(
            group, [self.group_write(group, named_record_id(group.id, "details"), {"kind": "details", "name": name})]
        )
        self._introduce(group, display_name)
        return group

    def open_group(self, entry: dict) -> Group:
        return Group(entry["id"], open_keyring(self.identity, entry["id"], unb64(entry["wrapped_key"])))

    def invite(self, group: Group, group_name: str, inviter_name: str) -> str:
        """A new invite; returns the link, whose fragment (the secret) never reaches the server."""
        invite_id = str(uuid.uuid4())
        secret = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode().rstrip("=")
        key, proof = invite_keys(secret, invite_id)
        keyring = {str(v): b64(k) for v, k in group.keyring.items()}
        payload = {"groupId": group.id, "groupName": group_name, "inviterName": inviter_name, "keyring": keyring}
        sealed = seal(key, record_json(payload), invite_ad(invite_id))
        body = {"id": invite_id, "proof_hash": hashlib.sha256(proof).hexdigest(), "sealed": b64(sealed)}
        self.request("POST", f"collections/{group.id}/invites/", body)
        return f"{self.base}/links/join/{invite_id}#{secret}"

    def open_invite(self, link: str) -> dict:
        address = urllib.parse.urlsplit(link)
        invite_id, secret = address.path.rstrip("/").rsplit("/", 1)[-1], address.fragment
        key, proof = invite_keys(secret, invite_id)
        answer = self.request("POST", f"invites/{invite_id}/open/", {"proof": b64(proof)})
        payload = json.loads(open_box(key, unb64(answer["sealed"]), invite_ad(invite_id)))
        keyring = {int(v): unb64(k) for v, k in payload["keyring"].items()}
        return {
            **payload,
            "keyring": keyring,
            "invite_id": invite_id,
            "proof": proof,
            "key_version": answer["key_version"],
        }

    def join(self, opened: dict, display_name: str) -> Group:
        self.ensure_identity()
        body = {
            "proof": b64(opened["proof"]),
            "wrapped_key": b64(seal_keyring(self.public_key, opened["groupId"], opened["keyring"])),
            "key_version": opened["key_version"],
        }
        entry = self.request("POST", f"invites/{opened['invite_id']}/join/", body)["collection"]
        group = self.open_group(entry)
        self._introduce(group, display_name)
        return group

    def new_key(self, group: Group, path: str) -> None:
        """§10.7: the keyring with one more key, sealed to every member who stays (rotate-key, or remove)."""
        group_entry = next(c for c in self.collections() if c["id"] == group.id)
        version = max(group_entry["group_key_version"], max(group.keyring)) + 1
        keyring = {**group.keyring, version: secrets.token_bytes(KEY_BYTES)}
        members = self.members(group)
        staying = [m for m in members if not path.endswith(f"/members/{m['id']}/remove/")]
        keys = [
            {"member": m["id"], "wrapped_key": b64(seal_keyring(unb64(m["public_key"]), group.id, keyring))}
            for m in staying
        ]
        self.fresh("POST", path, {"key_version": version, "keys": keys})
        group.keyring = keyring

    # -- §8 evidence files
    def upload_file(self, case_file: CaseFile, data: bytes, chunk_bytes: int) -> dict:
        """Seal a file under a new key and upload it in chunks; returns the file's entry for an evidence record."""
        file_id, key = str(uuid.uuid4()), secrets.token_bytes(KEY_BYTES)
        sealed = seal(key, data, file_ad(file_id))
        blob = self.request("POST", f"collections/{case_file.id}/blobs/", {"id": file_id, "size": len(sealed)})
        received = blob["received"]
        while received < len(sealed):
            received = self.send_chunk(file_id, received, sealed[received : received + chunk_bytes])["received"]
        return {"id": file_id, "key": b64(key), "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}

    def send_chunk(self, file_id: str, offset: int, chunk: bytes) -> dict:
        """One chunk; a 409 wrong_offset answers where the server stands, and the upload resumes from there."""
        try:
            return self.request("PUT", f"blobs/{file_id}/content/?offset={offset}", raw=chunk)
        except ApiError as error:
            if error.status == 409 and isinstance(error.body, dict) and "received" in error.body:
                return {"received": error.body["received"], "refused": True}
            raise

    def download_file(self, meta: dict) -> bytes:
        sealed = self.request("GET", f"blobs/{meta['id']}/content/", answer_bytes=True)
        data = open_box(unb64(meta["key"]), sealed, file_ad(meta["id"]))
        if hashlib.sha256(data).hexdigest() != meta["sha256"]:
            raise ValueError("the file does not match its fingerprint")
        return data

    def receipt(self, sha256: str) -> dict:
        return self.request("POST", "receipts/", {"sha256": sha256})

    def receipt_key(self) -> dict:
        with self.http.open(f"{self.base}/.well-known/falseos-receipt-key.json", timeout=30) as response:
            return json.loads(response.read())
