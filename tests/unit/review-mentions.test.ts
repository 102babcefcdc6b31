import { describe, expect, it } from "vitest";
import { parseMentions, splitMentions } from "@/lib/review/mentions";

const team = [
  { id: "u-ada", name: "Ada" },
  { id: "u-adal", name: "Ada Lovelace" },
  { id: "u-li", name: "李雷" },
  { id: "u-bob", name: "Bob" },
];

describe("mention parsing", () => {
  it("finds team members by name, the longest name first", () => {
    expect(parseMentions("@Ada Lovelace please look at 2.5 s", team)).toEqual(["u-adal"]);
    expect(parseMentions("@Ada please look", team)).toEqual(["u-ada"]);
    expect(parseMentions("thanks @bob, and @Ada.", team).sort()).toEqual(["u-ada", "u-bob"]);
  });

  it("reads Chinese names and Chinese punctuation", () => {
    expect(parseMentions("@李雷，看一下这里", team)).toEqual(["u-li"]);
    expect(parseMentions("请@李雷 看看", team)).toEqual([]); // inside a word: not a mention
    expect(parseMentions("请 @李雷 看看", team)).toEqual(["u-li"]);
  });

  it("ignores e-mail addresses, unknown names, name prefixes and repeats", () => {
    expect(parseMentions("write to ada@example.com", team)).toEqual([]);
    expect(parseMentions("@Adam is not here", team)).toEqual([]);
    expect(parseMentions("@Carol?", team)).toEqual([]);
    expect(parseMentions("@Bob @Bob @bob", team)).toEqual(["u-bob"]);
    expect(parseMentions("", team)).toEqual([]);
  });

  it("splits text into plain runs and mentions for display (no HTML)", () => {
    expect(splitMentions("hi @Ada Lovelace <b>x</b>", [team[1]])).toEqual([
      { text: "hi " },
      { text: "@Ada Lovelace", userId: "u-adal" },
      { text: " <b>x</b>" },
    ]);
  });
});
