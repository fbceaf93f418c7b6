// Providers (TanStack Query, antd in the chosen language, i18next), then sign-in, the board, or (for an
// administrator at /admin) the administrators' area, loaded only when opened. A 401 anywhere returns to
// sign-in; the half-typed incident stays in the UI store and comes back after.
import { QueryClient, QueryClientProvider, useQueryClient } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider, Spin } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, setUnauthorizedHandler } from "../api/client";
import { forgetSession, useMe } from "../features/auth/api/me";
import { SignIn } from "../features/auth/components/SignIn";
import "../i18n";
import { connectBoard } from "../realtime/socket";
import { Board } from "./Board";
import { boardQueries } from "./board-queries";
import "./board.css";
import { isAdminPath, navigate, usePath } from "./path";

// the forced password change (after an administrator's reset) checks with zod: loaded only when needed
const ChangePassword = lazy(() => import("../features/auth/components/ChangePassword").then((m) => ({ default: m.ChangePassword })));
const AdminArea = lazy(() => import("../features/admin/components/AdminArea").then((m) => ({ default: m.AdminArea })));
const toBoard = () => navigate("/");

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 3, refetchOnWindowFocus: false },
  },
});

function Gate() {
  const client = useQueryClient();
  const me = useMe();
  const [expired, setExpired] = useState(false);
  const path = usePath();
  // administrators' area; duty leaders and chiefs open it too, to their duty pages alone (AdminArea)
  const mayOpenArea = Boolean(me.data && me.data.role !== "OPERATOR");

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setExpired(true);
      forgetSession(client);
    });
  }, [client]);
  useEffect(() => {
    if (!me.data) return;
    setExpired(false);
    // a reset password must be replaced first: the server refuses the socket until then
    if (me.data.mustChangePassword) return;
    return connectBoard(client, boardQueries);
  }, [me.data, client]);

  // /admin is not the operators': they are shown the board, at its own address
  useEffect(() => {
    if (me.data && !mayOpenArea && isAdminPath(path)) navigate("/", { replace: true });
  }, [me.data, mayOpenArea, path]);

  if (me.isPending) return <Spin fullscreen />;
  if (!me.data) return <SignIn expired={expired} />;
  if (me.data.mustChangePassword)
    return (
      <Suspense fallback={<Spin fullscreen />}>
        <ChangePassword me={me.data} />
      </Suspense>
    );
  if (mayOpenArea && isAdminPath(path))
    return (
      <Suspense fallback={<Spin fullscreen />}>
        <AdminArea me={me.data} onBoard={toBoard} path={path} onNavigate={navigate} key={me.data.id} />
      </Suspense>
    );
  return <Board me={me.data} key={me.data.id} />;
}

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === "en" ? enUS : zhCN}
      theme={{ token: { borderRadius: 4, fontSize: 13 } }}
      componentSize="small"
    >
      {/* toasts open below the header, never over the statistics */}
      <AntApp message={{ top: 64, maxCount: 3 }}>
        <QueryClientProvider client={queryClient}>
          <Gate />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
