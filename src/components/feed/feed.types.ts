/** The JSON served by `GET /v1/feeds/:feedId` (see the OpenAPI document's `Feed` schema). */
export interface FeedRendition {
  width: number;
  webp: string;
  jpeg: string;
}

export interface FeedHotspot {
  id: string;
  /** From the left edge of the slide, 0 to 1. */
  x: number;
  /** From the top edge of the slide, 0 to 1. */
  y: number;
  productId: string;
  source: 'instagram' | 'merchant';
}

export interface FeedSlide {
  id: string;
  type: 'image' | 'video';
  width: number;
  height: number;
  renditions: FeedRendition[];
  video?: string;
  hotspots: FeedHotspot[];
}

export interface FeedPost {
  id: string;
  type: 'image' | 'video' | 'carousel';
  /** Plain text, rendered as text. */
  caption: string;
  alt: string;
  permalink: string;
  timestamp: string;
  slides: FeedSlide[];
}

export interface FeedProduct {
  id: string;
  title: string;
  price: number;
  currency: string;
  availability: 'in_stock' | 'out_of_stock' | 'preorder' | 'backorder';
  link: string;
  image: string;
}

export interface FeedData {
  id: string;
  username: string;
  profileUrl: string;
  updatedAt: string;
  posts: FeedPost[];
  products: FeedProduct[];
}
