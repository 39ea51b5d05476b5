import type { ReactNode, TableHTMLAttributes } from "react";

/**
 * A data table that scrolls sideways on narrow screens instead of breaking the
 * layout. `caption` names it for screen readers (visually hidden unless `showCaption`).
 */
export function Table({ caption, showCaption, children, className, ...props }: { caption: string; showCaption?: boolean; children: ReactNode } & TableHTMLAttributes<HTMLTableElement>) {
  return (
    <div className="table-wrap">
      <table className={["table", className ?? ""].filter(Boolean).join(" ")} {...props}>
        <caption className={showCaption ? "table__caption" : "visually-hidden"}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
