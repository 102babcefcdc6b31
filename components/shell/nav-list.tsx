import { getT } from "@/lib/i18n/server";
import { NAV_GROUPS } from "./nav-items";
import { NavLink } from "./nav-link";

/**
 * The section links, rendered on the server: the icons and labels are HTML, not part of every page's JavaScript.
 * The mobile drawer gets it as a prop and closes itself when one of its links is clicked.
 */
export async function NavList() {
  const t = await getT("shell.nav");
  return (
    <nav aria-label={t("label")} className="flex flex-col gap-5">
      {NAV_GROUPS.map((group) => (
        <div key={group.key}>
          <h2 className="mb-1 px-2.5 text-[11px] font-medium tracking-wide text-muted uppercase">{t(group.key)}</h2>
          <ul className="flex flex-col gap-0.5">
            {group.items.map(({ key, href, icon: Icon }) => (
              <li key={key}>
                <NavLink href={href}>
                  <Icon className="size-[18px]" />
                  {t(key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
