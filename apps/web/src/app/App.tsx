// The board's shell: sign-in, then the one map with the incident queue beside it. (The full board —
// layers switcher, cameras, tiers, playback, i18n — is its own issue.)
import type { Board, Me } from "@onemap/shared";
import { type FormEvent, useEffect, useState } from "react";
import { api } from "../api/client";
import { IncidentPanel } from "../features/incidents/IncidentPanel";
import { BoardMap } from "../map/BoardMap";
import { connectBoard, loadBoard } from "../realtime/socket";
import { useLive } from "../realtime/store";

export function App() {
  const [me, setMe] = useState<Me | null>(null);
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [draft, setDraft] = useState<{ lat: number; lon: number } | null>(null);
  const connection = useLive((s) => s.connection);

  useEffect(() => {
    api<Me>("/api/auth/me").then(setMe, () => setMe(null));
  }, []);
  useEffect(() => {
    if (!me) return;
    api<Board>("/api/board").then(
      (b) => {
        loadBoard(b);
        setBoard(b);
      },
      (e: Error) => setError(e.message),
    );
    return connectBoard();
  }, [me]);

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      setMe(await api<Me>("/api/auth/login", { method: "POST", body: { username: form.get("username"), password: form.get("password") } }));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  if (!me) {
    return (
      <form onSubmit={signIn} style={{ maxWidth: 320, margin: "15vh auto", display: "grid", gap: 8, fontFamily: "sans-serif" }}>
        <h1>onemap 一图指挥</h1>
        <input name="username" placeholder="用户名 username" autoComplete="username" />
        <input name="password" type="password" placeholder="密码 password" autoComplete="current-password" />
        <button type="submit">登录 Sign in</button>
        {error && <p role="alert">{error}</p>}
      </form>
    );
  }
  return (
    <div style={{ display: "flex", flexDirection: "column", height: "100vh", fontFamily: "sans-serif" }}>
      <header style={{ padding: "4px 8px", background: "#0f172a", color: "#fff", display: "flex", gap: 16 }}>
        <strong>onemap 一图指挥</strong>
        <span>{me.displayName}</span>
        <span data-testid="connection">{connection === "live" ? "● 实时 live" : "○ 重连中 reconnecting"}</span>
        {board && <span>态势 posture: {board.posture.level}</span>}
      </header>
      <div style={{ display: "flex", flex: 1, minHeight: 0 }}>
        <main style={{ flex: 1 }}>{board ? <BoardMap board={board} onMapClick={setDraft} /> : <p>{error ?? "…"}</p>}</main>
        <IncidentPanel draft={draft} clearDraft={() => setDraft(null)} />
      </div>
    </div>
  );
}
