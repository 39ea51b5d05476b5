"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Fragment } from "react";

export type NavItem = { href: string; label: string; match?: string; exclude?: string[]; separatorBefore?: boolean };

/** Top-bar links; the current section is marked with aria-current="page". */
export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname() ?? "";
  return (
    <>
      {items.map((item) => {
        const base = item.match ?? item.href;
        const current = (pathname === base || pathname.startsWith(`${base}/`)) && !item.exclude?.some((path) => pathname.startsWith(path));
        return (
          <Fragment key={item.href}>
            {item.separatorBefore ? <span className="nr-nav__sep" aria-hidden="true" /> : null}
            <Link className="nr-nav__link" href={item.href} aria-current={current ? "page" : undefined}>
              {item.label}
            </Link>
          </Fragment>
        );
      })}
    </>
  );
}
