// A titled box (what antd's Card gave, without its tabs and menus in the first load).
import type { HTMLAttributes, ReactNode } from "react";

export function Panel({
  title,
  extra,
  className,
  children,
  ...rest
}: { title?: ReactNode; extra?: ReactNode; children: ReactNode } & Omit<HTMLAttributes<HTMLElement>, "title">) {
  return (
    <section className={`onemap-panel${className ? ` ${className}` : ""}`} {...rest}>
      {(title || extra) && (
        <header className="onemap-panel-head">
          <div className="onemap-panel-title">{title}</div>
          {extra}
        </header>
      )}
      <div className="onemap-panel-body">{children}</div>
    </section>
  );
}
