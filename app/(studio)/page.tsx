import { redirect } from "next/navigation";

// The video studio is the studio's front door.
export default function Home() {
  redirect("/video");
}
