// The board's shell. The one-map board itself is its own issue; this shell signs in against the
// real API and shows what the county snapshot holds.
import type { Board, Me } from "@onemap/shared";
import { type FormEvent, useEffect, useState } from "react";

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { credentials: "same-origin", ...init });
  if (!res.ok) throw new Error(((await res.json().catch(() => null)) as { message?: string } | null)?.message ?? res.statusText);
  return (await res.json()) as T;
}

export function App() {
  const [me, setMe] = useState<Me | null>(null);
  const [board, setBoard] = useState<Board | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    request<Me>("/api/auth/me").then(setMe, () => setMe(null));
  }, []);
  useEffect(() => {
    if (me) request<Board>("/api/board").then(setBoard, (e: Error) => setError(e.message));
  }, [me]);

  async function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      setMe(
        await request<Me>("/api/auth/login", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ username: form.get("username"), password: form.get("password") }),
        }),
      );
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
    <main style={{ fontFamily: "sans-serif", padding: 16 }}>
      <h1>onemap · {me.displayName}</h1>
      {board ? (
        <ul>
          <li>派出所 stations: {board.stations.length}</li>
          <li>网格 grids: {board.grids.length}</li>
          <li>视频 cameras: {board.cameras.length}</li>
          <li>警力 units: {board.units.length}</li>
          <li>警情 open incidents: {board.incidents.length}</li>
        </ul>
      ) : (
        <p>{error ?? "…"}</p>
      )}
    </main>
  );
}
