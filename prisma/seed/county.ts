// The Peng'an demo county: fixed facts the seed builds from. Places are approximate (good enough
// for a demo map, not a survey): the county seat 相如街道 sits at about 31.0299 N, 106.4111 E (WGS-84).

export const COUNTY_SEAT = { lat: 31.0299, lon: 106.4111 } as const;
/** 县公安局 headquarters, where the HQ units and reserves stand by */
export const HQ_LOCATION = { lat: 31.0318, lon: 106.4072 } as const;

interface StationFact {
  code: string;
  name: string;
  urban: boolean;
  /** offset from the county seat in km (north, east) */
  northKm: number;
  eastKm: number;
  patrolCars: number;
}

export const POLICE_STATIONS: readonly StationFact[] = [
  { code: "DC", name: "东城派出所", urban: true, northKm: -0.2, eastKm: 0.9, patrolCars: 6 },
  { code: "BC", name: "北城派出所", urban: true, northKm: 0.9, eastKm: -0.6, patrolCars: 6 },
  { code: "JP", name: "锦屏派出所", urban: false, northKm: 6.0, eastKm: 4.0, patrolCars: 2 },
  { code: "JL", name: "巨龙派出所", urban: false, northKm: 14.0, eastKm: -6.0, patrolCars: 2 },
  { code: "ZY", name: "正源派出所", urban: false, northKm: 22.0, eastKm: 2.0, patrolCars: 2 },
  { code: "JX", name: "金溪派出所", urban: false, northKm: 26.0, eastKm: -12.0, patrolCars: 2 },
  { code: "XJ", name: "徐家派出所", urban: false, northKm: -12.0, eastKm: 10.0, patrolCars: 2 },
  { code: "HS", name: "河舒派出所", urban: false, northKm: -18.0, eastKm: -2.0, patrolCars: 2 },
  { code: "LX", name: "利溪派出所", urban: false, northKm: 4.0, eastKm: 14.0, patrolCars: 2 },
  { code: "LJ", name: "罗家派出所", urban: false, northKm: -8.0, eastKm: -12.0, patrolCars: 2 },
  { code: "FD", name: "福德派出所", urban: false, northKm: 8.0, eastKm: -16.0, patrolCars: 2 },
  { code: "MB", name: "睦坝派出所", urban: false, northKm: 18.0, eastKm: 12.0, patrolCars: 2 },
];

/** 局机关内设机构: the 18 internal units of the bureau, with how many police each holds. */
export const HQ_UNITS: readonly { code: string; name: string; police: number; detention?: boolean }[] = [
  { code: "ZHZX", name: "指挥中心", police: 16 },
  { code: "ZZC", name: "政治处", police: 6 },
  { code: "JJ", name: "纪委(督察)", police: 5 },
  { code: "JWBZ", name: "警务保障室", police: 5 },
  { code: "FZ", name: "法制大队", police: 5 },
  { code: "XZ", name: "刑侦大队", police: 18 },
  { code: "ZA", name: "治安大队", police: 12 },
  { code: "JJDD", name: "交警大队", police: 16 },
  { code: "TXJ", name: "特巡警大队", police: 44 },
  { code: "GB", name: "国保大队", police: 4 },
  { code: "WA", name: "网安大队", police: 5 },
  { code: "JZ", name: "经侦大队", police: 5 },
  { code: "JD", name: "禁毒大队", police: 5 },
  { code: "QB", name: "情报中心", police: 4 },
  { code: "CRJ", name: "出入境管理大队", police: 3 },
  { code: "JK", name: "局领导", police: 2 },
  { code: "KSS", name: "看守所", police: 15, detention: true },
  { code: "JLS", name: "拘留所", police: 12, detention: true },
];

/** Police per police station (93 in all), beside the HQ units' 155 and the lock-ups' 27. */
export const STATION_POLICE: Readonly<Record<string, number>> = {
  DC: 20,
  BC: 18,
  JP: 6,
  JL: 6,
  ZY: 5,
  JX: 5,
  XJ: 6,
  HS: 6,
  LX: 5,
  LJ: 6,
  FD: 5,
  MB: 5,
};
/** 辅警 per police station */
export const STATION_AUXILIARIES: Readonly<Record<string, number>> = {
  DC: 40,
  BC: 36,
  JP: 8,
  JL: 8,
  ZY: 6,
  JX: 6,
  XJ: 8,
  HS: 8,
  LX: 6,
  LJ: 8,
  FD: 6,
  MB: 6,
};

/** The report's age bands of the ~275 police: 44 under 30, 75 aged 31-40, 68 aged 41-50, 88 over 50. */
export const AGE_BANDS: readonly { count: number; minAge: number; maxAge: number }[] = [
  { count: 44, minAge: 23, maxAge: 30 },
  { count: 75, minAge: 31, maxAge: 40 },
  { count: 68, minAge: 41, maxAge: 50 },
  { count: 88, minAge: 51, maxAge: 59 },
];
/** Ages are counted at this year so that the seed does not change from one year to the next. */
export const AGE_REFERENCE_YEAR = 2026;

/** The county town's patrol grids: a 6 × 3 lattice over the town, north row first, west to east. */
export const TOWN_BOUNDS = { south: 31.018, north: 31.042, west: 106.39, east: 106.432 } as const;
export const GRID_COLUMNS = 6;
export const GRID_ROWS = 3;
export const GRID_NAMES: readonly string[] = [
  "北门",
  "凤凰新城",
  "工业园区",
  "嘉陵大道",
  "周口",
  "金城",
  "西街",
  "相如古城",
  "文庙",
  "相如湖",
  "汽车站",
  "滨江路",
  "莲池",
  "南门",
  "火车站",
  "白云",
  "新华街",
  "东门",
];

/** Roads in and out of town, by compass bearing from the county seat: checkpoints stand on them. */
export const ROADS: readonly { name: string; bearing: number }[] = [
  { name: "G318 北向", bearing: 350 },
  { name: "S205 东北", bearing: 40 },
  { name: "巴南高速 东", bearing: 85 },
  { name: "S101 东南", bearing: 130 },
  { name: "G318 南向", bearing: 180 },
  { name: "嘉陵江大桥 西南", bearing: 220 },
  { name: "S207 西", bearing: 265 },
  { name: "县道 X152 西北", bearing: 310 },
];

export const CAMERA_COUNTS = { SKYNET: 276, SECURITY_CHECKPOINT: 36, TRAFFIC_CHECKPOINT: 56 } as const;

export const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
export const GIVEN =
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建波宁晨浩宇轩博文斌志国庆东海林峰亮成健松涛鑫鹤琳雪梅海燕雨欣悦";
