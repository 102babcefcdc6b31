// Seedance 2.0 fast (T0101007-yunzhu42-seedance-2.0-fast-and-assets.md): the doc's request examples,
// verbatim, shared by the client's integration test and the emulator contract test.

export const DOC_MULTIMODAL = {
  model: "T0101007",
  content: [
    {
      type: "text",
      text: "第一人称视角果茶宣传广告。首帧为图片1，你的手摘下一颗带晨露的红苹果；2-4秒：将苹果块投入雪克杯，加入冰块与茶底，用力摇晃；4-6秒：成品特写，分层果茶倒入透明杯；6-8秒：手持举杯到镜头前，尾帧定格为图片2。背景音为女生音色。",
    },
    { type: "image_url", image_url: { url: "https://example.com/pic1.jpg" }, role: "reference_image" },
    { type: "image_url", image_url: { url: "https://example.com/pic2.jpg" }, role: "reference_image" },
    { type: "video_url", video_url: { url: "https://example.com/video1.mp4" }, role: "reference_video" },
    { type: "audio_url", audio_url: { url: "https://example.com/audio1.mp3" }, role: "reference_audio" },
  ],
  generate_audio: true,
  ratio: "16:9",
  duration: 11,
  watermark: false,
};
export const DOC_FIRST_FRAME = {
  model: "T0101007",
  content: [
    { type: "text", text: "女孩抱着狐狸，女孩睁开眼，温柔地看向镜头，狐狸友善地抱着，镜头缓缓拉出。" },
    { type: "image_url", image_url: { url: "https://example.com/first_frame.png" }, role: "first_frame" },
  ],
  generate_audio: true,
  ratio: "adaptive",
  duration: 5,
  watermark: false,
};
export const DOC_FIRST_LAST = {
  model: "T0101007",
  content: [
    { type: "text", text: "花朵从盛开到凋零的过程，延时摄影风格。" },
    { type: "image_url", image_url: { url: "https://example.com/bloom.jpg" }, role: "first_frame" },
    { type: "image_url", image_url: { url: "https://example.com/withered.jpg" }, role: "last_frame" },
  ],
  generate_audio: false,
  ratio: "16:9",
  duration: 6,
  watermark: true,
};
export const DOC_T2V_SEARCH = {
  model: "T0101007",
  content: [{ type: "text", text: "根据今天的实时天气，生成一个穿着与季节相符的女孩在街头漫步的视频。" }],
  tools: [{ type: "web_search" }],
  ratio: "9:16",
  duration: 5,
  watermark: false,
};
export const DOC_ASSET = {
  GroupId: "group-20260330162801-vmpfz",
  URL: "https://ark-project.tos-cn-beijing.volces.com/doc_image/i2v_foxrgirl.png",
  AssetType: "Image",
  ProjectName: "default",
} as const;
