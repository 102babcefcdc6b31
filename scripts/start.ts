import { launch } from "./launch";

// Production: `npm run build && npm start`. Migrations are applied here; the engine starts inside the server.
await launch("start");
