"use client";

import { Fragment } from "react";
import { splitMentions } from "@/lib/review/mentions";

const URL_RE = /(https?:\/\/[^\s<>"']+)/g;

/** A comment's plain text: mentions highlighted, links clickable — React escapes the rest, nothing is HTML. */
export function CommentText({ body, mentions }: { body: string; mentions: { id: string; name: string }[] }) {
  return (
    <p className="text-sm break-words whitespace-pre-wrap text-fg">
      {splitMentions(body, mentions).map((part, i) =>
        "userId" in part ? (
          <span key={i} className="rounded bg-accent/15 px-0.5 font-medium text-accent-text">
            {part.text}
          </span>
        ) : (
          <Fragment key={i}>
            {part.text.split(URL_RE).map((s, j) =>
              j % 2 ? (
                <a
                  key={j}
                  href={s}
                  target="_blank"
                  rel="noopener noreferrer nofollow"
                  className="text-accent-text underline"
                >
                  {s}
                </a>
              ) : (
                s
              ),
            )}
          </Fragment>
        ),
      )}
    </p>
  );
}
