// The request and response examples of the three VOD-family docs, verbatim (shared/td-api/T0302007, T0301004, T0311001).

export const DOC_GPT_CREATE = {
  "FileInfos": [
    {
      "Type": "Url",
      "Url": "https://td-llm.tos-cn-beijing.volces.com/public/1774320434562_2b131e.png",
      "Text": "参考图：客厅里的橘猫"
    }
  ],
  "Prompt": "generate a car",
  "NegativePrompt": "red",
  "EnhancePrompt": "Enabled",
  "OutputConfig": {
    "StorageMode": "Temporary",
    "AspectRatio": "16:9",
    "PersonGeneration": "AllowAdult",
    "InputComplianceCheck": "Enabled",
    "OutputComplianceCheck": "Enabled"
  },
  "TasksPriority": 10,
  "ExtInfo": "myextinfo",
  "ModelVersion": "image2_medium"
};

export const DOC_GPT_QUERY = {
  "TaskId": "1395528311-AigcImageTask-fc15ffcabf12aeda727dd756f1ec9732t"
};

export const DOC_GPT_CREATE_ANSWER = {
  "Response": {
    "TaskId": "1395528311-AigcImageTask-fc15ffcabf12aeda727dd756f1ec9732t",
    "RequestId": "91c4a0f1-5a99-44f5-88c0-2d033e92d43a"
  }
};

export const DOC_GPT_QUERY_ANSWER = {
  "Response": {
    "TaskType": "AigcImageTask",
    "Status": "FINISH",
    "CreateTime": "2026-05-11T03:19:57Z",
    "BeginProcessTime": "2026-05-11T03:19:57Z",
    "FinishTime": "2026-05-11T03:21:32Z",
    "ProcedureTask": null,
    "EditMediaTask": null,
    "SplitMediaTask": null,
    "ComposeMediaTask": null,
    "WechatPublishTask": null,
    "PullUploadTask": null,
    "WechatMiniProgramPublishTask": null,
    "DescribeFileAttributesTask": null,
    "RemoveWatermarkTask": null,
    "RebuildMediaTask": null,
    "FastClipMediaTask": null,
    "ExtractTraceWatermarkTask": null,
    "ExtractCopyRightWatermarkTask": null,
    "ExtractBlindWatermarkTask": null,
    "ReviewAudioVideoTask": null,
    "QualityInspectTask": null,
    "QualityEnhanceTask": null,
    "ComplexAdaptiveDynamicStreamingTask": null,
    "ProcessMediaByMPSTask": null,
    "ProcessImageAsyncTask": null,
    "AigcImageTask": {
      "TaskId": "1395528311-AigcImageTask-fc15ffcabf12aeda727dd756f1ec9732t",
      "Status": "FINISH",
      "ErrCode": 0,
      "ErrCodeExt": "",
      "Message": "",
      "Progress": 100,
      "Input": {
        "ModelName": "OG",
        "ModelVersion": "image2_medium",
        "FileInfos": [
          {
            "Type": "Url",
            "FileId": "",
            "Url": "https://td-llm.tos-cn-beijing.volces.com/public/1774320434562_2b131e.png"
          }
        ],
        "Prompt": "generate a car",
        "NegativePrompt": "red",
        "EnhancePrompt": "Enabled",
        "GenerationMode": "",
        "SceneType": "",
        "OutputConfig": {
          "StorageMode": "Temporary",
          "MediaName": "",
          "ClassId": 0,
          "ExpireTime": "0000-00-00T00:00:00Z",
          "Resolution": "",
          "AspectRatio": "16:9",
          "PersonGeneration": "AllowAdult",
          "InputComplianceCheck": "Enabled",
          "OutputComplianceCheck": "Enabled"
        }
      },
      "Output": {
        "FileInfos": [
          {
            "StorageMode": "Temporary",
            "MediaName": "",
            "ClassId": 0,
            "ExpireTime": "2026-05-18T03:21:34Z",
            "FileType": "",
            "FileId": "",
            "FileUrl": "http://251000800.vod2.myqcloud.com/1a168d62vodcq251000800/feb85fb25145403726325113414/aigcImageGenFile.png",
            "MetaData": {
              "AudioDuration": 0,
              "AudioStreamSet": [],
              "Bitrate": 0,
              "Container": "png_pipe",
              "Duration": 0,
              "Height": 1024,
              "Md5": "",
              "Rotate": 0,
              "Size": 3095806,
              "VideoDuration": 0,
              "VideoStreamSet": [
                {
                  "Bitrate": 0,
                  "Codec": "png",
                  "CodecTag": "",
                  "Codecs": "",
                  "DynamicRangeInfo": {
                    "HDRType": "",
                    "Type": "Unknown"
                  },
                  "Fps": 25,
                  "Height": 1024,
                  "Width": 1808
                }
              ],
              "Width": 1808
            }
          }
        ]
      },
      "SessionContext": "",
      "SessionId": ""
    },
    "SceneAigcImageTask": null,
    "AigcVideoTask": null,
    "SceneAigcVideoTask": null,
    "ImportMediaKnowledge": null,
    "CreateAigcAdvancedCustomElementTask": null,
    "CreateAigcCustomVoiceTask": null,
    "CreateAigcSubjectTask": null,
    "AigcVideoRedrawTask": null,
    "AigcAudioTask": null,
    "TranscodeTask": null,
    "SnapshotByTimeOffsetTask": null,
    "ConcatTask": null,
    "ClipTask": null,
    "CreateImageSpriteTask": null,
    "ReduceMediaBitrateTask": null,
    "RequestId": "c1b43c63-f68a-48c0-9e0e-6ff358ebe177"
  }
};

export const DOC_GV_CREATE = {
  "EnhancePrompt": "Enabled",
  "FileInfos": [
    {
      "Type": "Url",
      "Url": "https://td-llm.tos-cn-beijing.volces.com/%2Fexperience%2F20260424%2F1777010408357_bae83c.jpg?X-Tos-Algorithm=TOS4-HMAC-SHA256&X-Tos-Credential=AKLTMjdmOWJhYTdlZDc4NDcxMjkxM2RmODdhMGYxZWYwMzg%2F20260424%2Fcn-beijing%2Ftos%2Frequest&X-Tos-Expires=604800&X-Tos-Date=20260424T060008Z&X-Tos-Signature=83cc0472f1bbb9754ec4b25c436325d206e92abc2f25a67d2c38a5126cfb34a4&X-Tos-SignedHeaders=host",
      "Usage": "FirstFrame"
    }
  ],
  "InputRegion": "Mainland",
  "OutputConfig": {
    "StorageMode": "Temporary",
    "AspectRatio": "16:9",
    "AudioGeneration": "Enabled",
    "PersonGeneration": "AllowAdult",
    "InputComplianceCheck": "Enabled",
    "OutputComplianceCheck": "Enabled"
  },
  "Prompt": "旋转视频",
  "Seed": 0,
  "TasksPriority": 0
};

export const DOC_GV_QUERY = {
  "TaskId": "1395528311-AigcVideoTask-92202210f541073442f58e7f4a857f4bt"
};

export const DOC_GV_CREATE_ANSWER = {
  "Response": {
    "TaskId": "1395528311-AigcVideoTask-92202210f541073442f58e7f4a857f4bt",
    "RequestId": "d239582c-ebe3-42ab-a046-5d89bd7b8021"
  }
};

export const DOC_GV_QUERY_ANSWER = {
  "Response": {
    "TaskType": "AigcVideoTask",
    "Status": "FINISH",
    "CreateTime": "2026-04-24T05:52:01Z",
    "BeginProcessTime": "2026-04-24T05:52:01Z",
    "FinishTime": "2026-04-24T05:53:33Z",
    "ProcedureTask": null,
    "EditMediaTask": null,
    "SplitMediaTask": null,
    "ComposeMediaTask": null,
    "WechatPublishTask": null,
    "PullUploadTask": null,
    "WechatMiniProgramPublishTask": null,
    "DescribeFileAttributesTask": null,
    "RemoveWatermarkTask": null,
    "RebuildMediaTask": null,
    "FastClipMediaTask": null,
    "ExtractTraceWatermarkTask": null,
    "ExtractCopyRightWatermarkTask": null,
    "ExtractBlindWatermarkTask": null,
    "ReviewAudioVideoTask": null,
    "QualityInspectTask": null,
    "QualityEnhanceTask": null,
    "ComplexAdaptiveDynamicStreamingTask": null,
    "ProcessMediaByMPSTask": null,
    "ProcessImageAsyncTask": null,
    "AigcImageTask": null,
    "SceneAigcImageTask": null,
    "AigcVideoTask": {
      "TaskId": "1395528311-AigcVideoTask-df86d4503d813fab512b1ae5ed814bf0t",
      "Status": "FINISH",
      "ErrCode": 0,
      "ErrCodeExt": "",
      "Message": "",
      "Progress": 100,
      "Input": {
        "FileInfos": [],
        "SubjectInfos": [],
        "LastFrameFileId": "",
        "LastFrameUrl": "",
        "Prompt": "生成小猫跳跃的视频",
        "NegativePrompt": "黑色",
        "ModelName": "GV",
        "ModelVersion": "3.1",
        "EnhancePrompt": "Enabled",
        "GenerationMode": "",
        "OutputConfig": {
          "StorageMode": "Temporary",
          "MediaName": "",
          "ClassId": 0,
          "ExpireTime": "0000-00-00T00:00:00Z",
          "Duration": 0,
          "Resolution": "",
          "AspectRatio": "16:9",
          "AudioGeneration": "Enabled",
          "EnableBGM": "",
          "PersonGeneration": "AllowAdult",
          "InputComplianceCheck": "Enabled",
          "OutputComplianceCheck": "Enabled",
          "EnhanceSwitch": "",
          "OffPeak": "",
          "FrameInterpolate": "",
          "LogoAdd": ""
        },
        "InputRegion": "Mainland",
        "SceneType": "",
        "Seed": 0
      },
      "Output": {
        "FileInfos": [
          {
            "StorageMode": "Temporary",
            "MediaName": "",
            "ClassId": 0,
            "ExpireTime": "2026-05-01T09:12:40Z",
            "FileType": "",
            "FileId": "",
            "FileUrl": "http://251000800.vod2.myqcloud.com/1a168d62vodcq251000800/2135ec885145403724387426477/aigcVideoGenFile.mp4",
            "MetaData": {
              "AudioDuration": 8,
              "AudioStreamSet": [
                {
                  "Bitrate": 256297,
                  "Channel": 0,
                  "Codec": "aac",
                  "Codecs": "",
                  "Loudness": 0,
                  "SamplingRate": 48000
                }
              ],
              "Bitrate": 3148161,
              "Container": "mov,mp4,m4a,3gp,3g2,mj2",
              "Duration": 8,
              "Height": 720,
              "Md5": "",
              "Rotate": 0,
              "Size": 3148161,
              "VideoDuration": 8,
              "VideoStreamSet": [
                {
                  "Bitrate": 2874839,
                  "Codec": "h264",
                  "CodecTag": "",
                  "Codecs": "",
                  "DynamicRangeInfo": {
                    "HDRType": "",
                    "Type": "Unknown"
                  },
                  "Fps": 24,
                  "Height": 720,
                  "Width": 1280
                }
              ],
              "Width": 1280
            }
          }
        ]
      },
      "SessionContext": "",
      "SessionId": ""
    },
    "SceneAigcVideoTask": null,
    "ImportMediaKnowledge": null,
    "CreateAigcAdvancedCustomElementTask": null,
    "CreateAigcCustomVoiceTask": null,
    "CreateAigcSubjectTask": null,
    "AigcVideoRedrawTask": null,
    "TranscodeTask": null,
    "SnapshotByTimeOffsetTask": null,
    "ConcatTask": null,
    "ClipTask": null,
    "CreateImageSpriteTask": null,
    "ReduceMediaBitrateTask": null,
    "RequestId": "516629a8-9ea5-4025-b184-2ed456eed88d"
  }
};

export const DOC_TTS_REQUEST = {
  "Text": "你好",
  "VoiceId": "s1_2GSzVAf00hl7+A+LJTNvVI6nFJB0qliIvR8wntPeaniVSstd7Z4E4UL8Hky3azMHVlDSps1zWW4nJ7ll9w==",
  "ExtParam": "{\"engine\": \"\"}"
};

export const DOC_TTS_ANSWER = {
  "Response": {
    "AudioData": "<BASE64 WAV DATA OMITTED>",
    "ErrorCode": 0,
    "Msg": "success",
    "VoiceId": "s1_2GSzVAf00hl7+A+LJTNvVI6nFJB0qliIvR8wntPeaniVSstd7Z4E4UL8Hky3azMHVlDSps1zWW4nJ7ll9w==",
    "RequestId": "2f8fa58c-91e8-4564-8b42-490ececda193"
  }
};
