import {
  DOC_GPT_CREATE,
  DOC_GPT_QUERY,
  DOC_GV_CREATE,
  DOC_GV_QUERY,
  DOC_TTS_REQUEST,
} from "../helpers/td-vod-examples";
import { DOC_ASSET, DOC_FIRST_FRAME, DOC_FIRST_LAST, DOC_MULTIMODAL, DOC_T2V_SEARCH } from "../helpers/ark-examples";

// Every request example of shared/td-api/*.md, by hand and verbatim (the VOD ones are shared with the unit tests).
// `doc` is the file and the line where the example's body starts.

export interface DocExample {
  name: string;
  doc: string;
  method: "POST" | "GET";
  path: string;
  /** X-TC-Action (VOD job family creates only). */
  action?: string;
  body?: unknown;
}

const DASH = "/model/openai/api/v3/video-generation/video-synthesis";
const ARK = "/model/openai/api/v3/contents/generations/tasks";
const JOB = "/model/orgin/job";
const CHAT = "/model/openai/api/v3/chat/completions";

export const HAPPYHORSE_EXAMPLES: DocExample[] = [
  {
    name: "HappyHorse text to video",
    doc: "T0401001-yunzhu51-happyhorse-text-to-video.md:83",
    method: "POST",
    path: DASH,
    body: {
      model: "T0401001",
      input: {
        prompt: "一座由硬纸板和瓶盖搭建的微型城市，在夜晚焕发出生机。一列硬纸板火车缓缓驶过，小灯点缀其间，照亮前路。",
      },
      parameters: { resolution: "720P", ratio: "16:9", duration: 5 },
    },
  },
  {
    name: "HappyHorse first frame to video",
    doc: "T0401002-yunzhu52-happyhorse-image-to-video.md:85",
    method: "POST",
    path: DASH,
    body: {
      model: "T0401002",
      input: {
        prompt: "一只猫在草地上奔跑",
        media: [
          { type: "first_frame", url: "https://td-llm.tos-cn-beijing.volces.com/public/1774320434562_2b131e.png" },
        ],
      },
      parameters: { resolution: "720P", duration: 5 },
    },
  },
  {
    name: "HappyHorse reference fusion",
    doc: "T0401003-yunzhu53-happyhorse-reference-to-video.md:86",
    method: "POST",
    path: DASH,
    body: {
      model: "T0401003",
      input: {
        prompt:
          "[Image 1]中身着红色旗袍的女性，镜头先以侧面中景勾勒旗袍修身剪裁与S型曲线，随即切换至低角度仰拍，捕捉她轻抬玉手展开[Image 2]中的折扇的同时，[Image 3]中的流苏耳坠随头部转动轻盈摆动的细节，最后推近至面部特写，定格在她指尖轻点扇骨、眼波流转间的含蓄风情，多视角全方位展现东方韵味。",
        media: [
          {
            type: "reference_image",
            url: "https://help-static-aliyun-doc.aliyuncs.com/file-manage-files/zh-CN/20260424/mvzfud/hh-v2v-girl.jpg",
          },
          {
            type: "reference_image",
            url: "https://help-static-aliyun-doc.aliyuncs.com/file-manage-files/zh-CN/20260424/fvuihk/hh-v2v2-folding-fan.jpg",
          },
          {
            type: "reference_image",
            url: "https://help-static-aliyun-doc.aliyuncs.com/file-manage-files/zh-CN/20260424/imerii/hh-v2v-earrings.jpg",
          },
        ],
      },
      parameters: { resolution: "720P", ratio: "16:9", duration: 5 },
    },
  },
  {
    name: "HappyHorse video edit",
    doc: "T0401004-yunzhu54-happyhorse-video-edit.md:85",
    method: "POST",
    path: DASH,
    body: {
      model: "T0401004",
      input: {
        prompt: "让视频中的马头人身角色穿上图片中的条纹毛衣",
        media: [
          {
            type: "video",
            url: "https://help-static-aliyun-doc.aliyuncs.com/file-manage-files/zh-CN/20260409/dozxak/Wan_Video_Edit_33_1.mp4",
          },
          {
            type: "reference_image",
            url: "https://help-static-aliyun-doc.aliyuncs.com/file-manage-files/zh-CN/20260415/hynnff/wan-video-edit-clothes.webp",
          },
        ],
      },
      parameters: { resolution: "720P" },
    },
  },
];

const SEEDANCE_DOC = "T0101007-yunzhu42-seedance-2.0-fast-and-assets.md";

export const SEEDANCE_EXAMPLES: DocExample[] = [
  {
    name: "Seedance multimodal reference (with sound)",
    doc: `${SEEDANCE_DOC}:411`,
    method: "POST",
    path: ARK,
    body: DOC_MULTIMODAL,
  },
  {
    name: "Seedance first frame (with sound)",
    doc: `${SEEDANCE_DOC}:463`,
    method: "POST",
    path: ARK,
    body: DOC_FIRST_FRAME,
  },
  {
    name: "Seedance first + last frame",
    doc: `${SEEDANCE_DOC}:500`,
    method: "POST",
    path: ARK,
    body: DOC_FIRST_LAST,
  },
  {
    name: "Seedance text to video with web search",
    doc: `${SEEDANCE_DOC}:542`,
    method: "POST",
    path: ARK,
    body: DOC_T2V_SEARCH,
  },
  {
    name: "Seedance CreateAsset",
    doc: `${SEEDANCE_DOC}:1085`,
    method: "POST",
    path: "/model/origin/assets/create",
    body: DOC_ASSET,
  },
];

export const VOD_EXAMPLES: DocExample[] = [
  {
    name: "GPT Image-2 create",
    doc: "T0302007-yunhui17-gpt-image-2.md:118",
    method: "POST",
    path: JOB,
    action: "T0302007",
    body: DOC_GPT_CREATE,
  },
  {
    name: "GV 3.1 create",
    doc: "T0301004-yunzhu38-gv-3.1-video.md:100",
    method: "POST",
    path: JOB,
    action: "T0301004",
    body: DOC_GV_CREATE,
  },
  {
    name: "MiniMax TTS",
    doc: "T0311001-yunyin1-minimax-speech-2.8-hd-tts.md:105",
    method: "POST",
    path: JOB,
    action: "T0311001",
    body: DOC_TTS_REQUEST,
  },
];

/** Queries name a task made by a create example: run after them (the ids in the docs are not the emulator's). */
export const VOD_QUERY_EXAMPLES = [
  { name: "GPT Image-2 query", doc: "T0302007-yunhui17-gpt-image-2.md:175", example: DOC_GPT_QUERY },
  { name: "GV 3.1 query", doc: "T0301004-yunzhu38-gv-3.1-video.md:159", example: DOC_GV_QUERY },
];

const DEEPSEEK_DOC = "T0106004-yunlian9-deepseek-v3.2-chat.md";

export const CHAT_EXAMPLES: DocExample[] = [
  {
    name: "GPT-5.4 chat",
    doc: "T0310001-yunling11-gpt-5.4-chat.md:109",
    method: "POST",
    path: CHAT,
    body: { model: "T0310001", messages: [{ role: "user", content: "你好" }], temperature: 0.7, max_tokens: 1000 },
  },
  {
    name: "DeepSeek default",
    doc: `${DEEPSEEK_DOC}:808`,
    method: "POST",
    path: CHAT,
    body: {
      model: "T0106004",
      messages: [
        { role: "system", content: "You are a helpful assistant." },
        { role: "user", content: "Hello!" },
      ],
    },
  },
  {
    name: "DeepSeek streaming",
    doc: `${DEEPSEEK_DOC}:866`,
    method: "POST",
    path: CHAT,
    body: {
      messages: [
        { content: "You are a helpful assistant.", role: "system" },
        { content: "hello", role: "user" },
      ],
      model: "T0106004",
      stream: true,
    },
  },
  {
    name: "DeepSeek continuation",
    doc: `${DEEPSEEK_DOC}:917`,
    method: "POST",
    path: CHAT,
    body: {
      messages: [
        { content: "你是一个计算器，请计算： 1 + 1", role: "user" },
        { content: "=", role: "assistant" },
      ],
      model: "T0106004",
    },
  },
  {
    name: "DeepSeek image understanding",
    doc: `${DEEPSEEK_DOC}:977`,
    method: "POST",
    path: CHAT,
    body: {
      model: "T0106004",
      messages: [
        {
          content: [
            { image_url: { url: "https://ark-project.tos-cn-beijing.volces.com/images/view.jpeg" }, type: "image_url" },
            { text: "图片主要讲了什么?", type: "text" },
          ],
          role: "user",
        },
      ],
    },
  },
  {
    name: "DeepSeek video understanding",
    doc: `${DEEPSEEK_DOC}:1042`,
    method: "POST",
    path: CHAT,
    body: {
      model: "T0106004",
      messages: [
        {
          role: "user",
          content: [
            {
              type: "video_url",
              video_url: { url: "https://ark-project.tos-cn-beijing.volces.com/doc_video/ark_vlm_video_input.mp4" },
              fps: "2",
            },
            { type: "text", text: "What is in the video?" },
          ],
        },
      ],
      max_tokens: 300,
    },
  },
  {
    name: "DeepSeek deep reasoning",
    doc: `${DEEPSEEK_DOC}:1101`,
    method: "POST",
    path: CHAT,
    body: {
      messages: [{ content: "我要有研究推理模型与非推理模型区别的课题，怎么体现我的专业性", role: "user" }],
      model: "T0106004",
    },
  },
];

export const ALL_CREATE_EXAMPLES = [...HAPPYHORSE_EXAMPLES, ...SEEDANCE_EXAMPLES, ...VOD_EXAMPLES, ...CHAT_EXAMPLES];
