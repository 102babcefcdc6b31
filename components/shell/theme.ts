// Theme choice: light, dark or follow the OS. Kept in localStorage and a cookie (so the server can
// render the right class), and applied by BOOT_SCRIPT in <head> before the first paint.
export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = "theme";
const STORAGE_KEY = "theme";
const DARK_QUERY = "(prefers-color-scheme: dark)";

export function isTheme(value: unknown): value is Theme {
  return typeof value === "string" && (THEMES as readonly string[]).includes(value);
}

/**
 * Runs before paint: resolves the theme (localStorage, then cookie, then "system"), sets the
 * .dark class and data-theme on <html>, and records the browser's time zone in the `tz` cookie
 * so server-rendered dates match the ones the client renders.
 */
export const BOOT_SCRIPT = `(function(){try{
var d=document.documentElement,c=document.cookie,s=null;
try{s=localStorage.getItem("${STORAGE_KEY}")}catch(e){}
var m=c.match(/(?:^|; )${THEME_COOKIE}=(light|dark|system)(?:;|$)/);
var t=(s==="light"||s==="dark"||s==="system")?s:(m?m[1]:"system");
d.classList.toggle("dark",t==="dark"||(t==="system"&&matchMedia("${DARK_QUERY}").matches));
d.setAttribute("data-theme",t);
if(!m||m[1]!==t)document.cookie="${THEME_COOKIE}="+t+"; path=/; max-age=31536000; samesite=lax";
var z=Intl.DateTimeFormat().resolvedOptions().timeZone;
if(z&&c.indexOf("tz="+encodeURIComponent(z))<0)document.cookie="tz="+encodeURIComponent(z)+"; path=/; max-age=31536000; samesite=lax";
}catch(e){}})();`;

// A tiny external store, so every theme switch on the page (sidebar, mobile drawer) agrees.
const listeners = new Set<() => void>();
let media: MediaQueryList | undefined;

function apply(theme: Theme) {
  const dark = theme === "dark" || (theme === "system" && matchMedia(DARK_QUERY).matches);
  document.documentElement.classList.toggle("dark", dark);
  document.documentElement.setAttribute("data-theme", theme);
}

function onSystemChange() {
  if (readTheme() === "system") apply("system");
}

export function readTheme(): Theme {
  const value = document.documentElement.getAttribute("data-theme");
  return isTheme(value) ? value : "system";
}

export function setTheme(theme: Theme) {
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Private mode may refuse storage; the cookie still carries the choice.
  }
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`;
  apply(theme);
  listeners.forEach((listener) => listener());
}

export function subscribeTheme(listener: () => void) {
  listeners.add(listener);
  if (!media) {
    // Follow the OS live while the choice is "system".
    media = matchMedia(DARK_QUERY);
    media.addEventListener("change", onSystemChange);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && media) {
      media.removeEventListener("change", onSystemChange);
      media = undefined;
    }
  };
}
